using System.Globalization;
using System.Text.Json;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>What a card sent back: action data merged with the inputs, read as text (Teams sends inputs as strings).</summary>
public sealed class FormInput(JsonElement? value)
{
    /// <summary>
    /// The value as sent ("" when absent); numbers and booleans as invariant text. Cut at
    /// <see cref="FormBudget.MaxFieldChars"/>: no form keeps more, and nothing longer is stored or shown again.
    /// </summary>
    public string Text(string id)
    {
        if (value is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(id, out var v)) return "";
        return v.ValueKind switch
        {
            JsonValueKind.String => Capped(v.GetString() ?? ""),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "",
        };
    }

    public string Trimmed(string id) => Text(id).Trim();

    private static string Capped(string s)
    {
        if (s.Length <= FormBudget.MaxFieldChars) return s;
        var end = char.IsHighSurrogate(s[FormBudget.MaxFieldChars - 1]) ? FormBudget.MaxFieldChars - 1 : FormBudget.MaxFieldChars;
        return s[..end];
    }

    public static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
