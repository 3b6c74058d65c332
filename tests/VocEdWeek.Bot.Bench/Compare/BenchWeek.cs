using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// The week our bot runs: the Wuxi sample plus <see cref="Liaisons"/> departments of one liaison each, every liaison
/// with an Entra object id, so a submit is recognised from the activity alone (no get-member round trip). stream.lua
/// and <see cref="ReportSubmits"/> number the liaisons the same way.
/// </summary>
public static class BenchWeek
{
    public const int Liaisons = 2000;
    public const string WeekId = "2024-wuxi";

    /// <summary>The rehearsal day the bot's clock starts on (09:30, before the 12:00 deadline: receipts say 已提交).</summary>
    public const string Day = "2024-05-14";

    public static string AadObjectId(int u) => string.Create(CultureInfo.InvariantCulture, $"11a150a0-0000-4000-9000-{u:D12}");

    public static string UserId(int u) => string.Create(CultureInfo.InvariantCulture, $"29:bench-liaison-{u:D4}");

    public static string ConversationId(int u) => string.Create(CultureInfo.InvariantCulture, $"a:bench-liaison-{u:D4}");

    public static string DepartmentId(int u) => string.Create(CultureInfo.InvariantCulture, $"bench{u:D4}");

    /// <summary>Writes the week file into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder)
    {
        var week = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, WeekId + ".json")))!.AsObject();
        var departments = week["departments"]!.AsArray();
        for (var u = 0; u < Liaisons; u++)
        {
            departments.Add(new JsonObject
            {
                ["id"] = DepartmentId(u),
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"测试学院{u:D4}"),
                ["liaisons"] = new JsonArray(new JsonObject
                {
                    ["name"] = string.Create(CultureInfo.InvariantCulture, $"联络员{u:D4}"),
                    ["email"] = string.Create(CultureInfo.InvariantCulture, $"liaison{u:D4}@college.example.edu.cn"),
                    ["aadObjectId"] = AadObjectId(u),
                }),
            });
        }
        var path = Path.Combine(folder, "bench-week.json");
        File.WriteAllText(path, week.ToJsonString());
        return path;
    }
}
