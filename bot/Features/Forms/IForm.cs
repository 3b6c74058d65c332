using System.Text.Json.Nodes;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>
/// One of the four forms. Values (<c>v</c> in the template) are what the inputs show: the stored version,
/// a pre-filled new form, or exactly what the user typed when a check failed.
/// </summary>
public interface IForm
{
    ItemKind Kind { get; }

    /// <summary>Card template name in cards/ (without .json).</summary>
    string Template { get; }

    /// <summary>Null when the item can be filled now, else the polite reason why not.</summary>
    string? Unavailable(FormSession s, WeekItem item);

    /// <summary>Values for a new form (pre-filled where that saves typing) or for editing the current version.</summary>
    JsonObject Values(FormSession s, WeekItem item, Submission? current);

    /// <summary>Values as the user typed them.</summary>
    JsonObject Read(FormSession s, WeekItem item, FormInput input);

    /// <summary>Checks the values; without errors, the data to store (JSON).</summary>
    FormCheck Check(FormSession s, WeekItem item, JsonObject values);

    /// <summary>Template data for this form beyond the common header: v, e, choices.</summary>
    JsonObject Data(FormSession s, WeekItem item, JsonObject values, FieldErrors errors);

    /// <summary>The key fields of a stored version, for the receipt.</summary>
    IEnumerable<FormFact> Facts(FormSession s, WeekItem item, Submission stored);
}

public sealed record FormCheck(FieldErrors Errors, string? Data);

public sealed record FormFact(string Title, string Value);
