using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.Plan;

/// <summary>
/// The activity rows of the plan card. Each row has a short id used in its input ids (a_{id}_name …) and
/// in the action data ("rows": "id1,id2"), so removing a row never shifts what was typed in the others.
/// </summary>
public static partial class PlanRows
{
    public const int Max = 12;

    public static IReadOnlyList<string> Parse(string rows) =>
        rows.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(id => RowId().IsMatch(id)).Distinct().Take(Max).ToList();

    public static string NewId() => "r" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    public static JsonObject Empty(string id) => new()
    {
        ["id"] = id, ["name"] = "", ["category"] = "", ["date"] = "", ["place"] = "",
        ["audience"] = "", ["expected"] = "", ["public"] = "false",
    };

    public static JsonObject Add(JsonObject values)
    {
        var rows = (JsonArray)values["activities"]!;
        if (rows.Count < Max) rows.Add(Empty(NewId()));
        return values;
    }

    public static JsonObject Remove(JsonObject values, string id)
    {
        var rows = (JsonArray)values["activities"]!;
        var row = rows.FirstOrDefault(r => (string?)r?["id"] == id);
        if (row is not null) rows.Remove(row);
        if (rows.Count == 0) rows.Add(Empty(NewId()));
        return values;
    }

    public static string Ids(JsonObject values) =>
        string.Join(',', ((JsonArray)values["activities"]!).Select(r => (string?)r?["id"]));

    [GeneratedRegex("^[a-z0-9]{1,12}$")]
    private static partial Regex RowId();
}
