using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>Server-side validation messages, one per field, in the user's language.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    /// <summary>Records the first problem of a field; a null message means the field is fine.</summary>
    public void Add(string field, string? message)
    {
        if (message is not null) _errors.TryAdd(field, message);
    }

    public bool Any => _errors.Count > 0;

    public int Count => _errors.Count;

    public string this[string field] => _errors.GetValueOrDefault(field, "");

    public IReadOnlyDictionary<string, string> All => _errors;

    /// <summary>Template data: every field present, "" when fine (the template shows the message under the input).</summary>
    public JsonObject ToJson(IEnumerable<string> fields)
    {
        var result = new JsonObject();
        foreach (var field in fields) result[field] = this[field];
        return result;
    }
}
