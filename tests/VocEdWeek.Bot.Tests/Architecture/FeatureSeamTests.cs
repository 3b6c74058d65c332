namespace VocEdWeek.Bot.Tests.Architecture;

/// <summary>
/// A feature (bot/Features/X) may use another feature only through a named shared part, or along one of the edges
/// listed here with its reason. A new edge fails, so a feature that starts to lean on another one is a decision
/// someone wrote down, not an accident.
/// </summary>
public sealed class FeatureSeamTests
{
    private const string Features = "VocEdWeek.Bot.Features.";

    /// <summary>Types of one feature that any feature may use: small, stable parts with one job.</summary>
    private static readonly Dictionary<string, string> SharedParts = new(StringComparer.Ordinal)
    {
        // The vocabulary part of issue 12 moves these two out of Features (WeekTime, Reply); then delete both lines.
        ["Forms.FormItems"] = "status labels of an item (未提交/已提交/迟交/补交/免报), the same on every card",
        ["Forms.FormJson"] = "stored form data is JSON in one spelling; every reader of submissions parses it so",
        ["Forms.FormInput"] = "reading what a card sent back (Teams sends inputs as strings)",
        ["Forms.FormWords"] = "the words that open each form, so help, links and forms name them alike",
        ["Digest.DigestBudget"] = "the size budget every long card keeps under Teams' limit",
        ["Office.OfficeFormat"] = "how deadlines, zones and durations are worded for the office",
        ["DailyReport.DailyReportData"] = "the stored shape of a daily report, read by exports, dashboard, digest, statistics",
        ["DailyReport.HeldActivity"] = "one activity of a stored daily report",
        ["Plan.PlanData"] = "the stored shape of a plan, read by exports and the daily report's choices",
        ["Plan.PlannedActivity"] = "one activity of a stored plan",
        ["Summary.SummaryData"] = "the stored shape of a summary, read by exports",
    };

    /// <summary>Feature → feature uses that are not through a shared part, each with its reason.</summary>
    private static readonly Dictionary<(string From, string To), string> AllowedEdges = new()
    {
        [("DailyReport", "Forms")] = "a form built on the form engine (IForm, FormFlow, FormSession)",
        [("Plan", "Forms")] = "a form built on the form engine",
        [("Statistics", "Forms")] = "a form built on the form engine",
        [("Summary", "Forms")] = "a form built on the form engine",
        [("MySubmissions", "Forms")] = "shows stored versions with the form engine's receipt cards",
        [("Office", "Forms")] = "office answers check who may see a department with FormAccess",
        [("Dashboard", "Office")] = "the dashboard command answers with the office's progress answers",
        [("Dashboard", "Settings")] = "the roster page words values as the settings log does (SettingsWords)",
        [("Digest", "DigestChannel")] = "the digest goes to the channel DigestChannel found",
        [("Exports", "Plan")] = "the plan export lists the plan's activity categories",
        [("Exports", "Statistics")] = "the statistics exports take the form's own field list",
        [("Exports", "Summary")] = "the summary compilation writes the summary document",
        [("Help", "UploadPage")] = "help says whether files go in chat or through the upload page (ChatFileReach)",
        [("Welcome", "UploadPage")] = "the welcome says whether files go in chat or through the upload page (ChatFileReach)",
        [("Office", "MySubmissions")] = "the office sees a department's submissions the way its liaison does",
        [("Settings", "Exports")] = "导出本周设置 is an export kind: the week's settings go out through the export pipeline",
        [("Settings", "Office")] = "department names are matched as the office commands match them (DepartmentMatch)",
        [("Recommend", "Exports")] = "导出推荐材料 is three export kinds: the package goes out through the export pipeline and its OpenXml writers",
        [("Recommend", "Office")] = "择优推荐 5月14日 机电 names its department as the office commands do (DepartmentMatch)",
    };

    [Fact]
    public void Features_use_each_other_only_through_shared_parts_or_listed_edges()
    {
        var unlisted = CrossFeatureUses()
            .Where(u => !AllowedEdges.ContainsKey((u.From, u.To)))
            .Select(u => $"{u.From} → {u.To}: {u.Type} uses {u.Used}")
            .ToList();

        Assert.True(unlisted.Count == 0,
            $"Features use each other along edges nobody decided on ({unlisted.Count}):\n  {string.Join("\n  ", unlisted)}\n"
            + "Move what both need to a shared place (Weeks, Conversation, App), name it in FeatureSeamTests.SharedParts, "
            + "or add the edge to FeatureSeamTests.AllowedEdges with its reason.");
    }

    [Fact]
    public void Every_listed_edge_and_shared_part_still_exists()
    {
        var edges = CrossFeatureUses().Select(u => (u.From, u.To)).ToHashSet();
        var types = TypeDependencies.OfBot().Types.Keys.ToHashSet(StringComparer.Ordinal);
        var stale = AllowedEdges.Keys.Where(e => !edges.Contains(e)).Select(e => $"edge {e.From} → {e.To}")
            .Concat(SharedParts.Keys.Where(p => !types.Contains(Features + p)).Select(p => $"shared part {p}"))
            .ToList();

        Assert.True(stale.Count == 0, $"No longer in the code; delete from FeatureSeamTests: {string.Join(", ", stale)}");
    }

    private static List<(string From, string To, string Type, string Used)> CrossFeatureUses() =>
        TypeDependencies.OfBot().Uses
            .Where(u => FeatureOf(u.Key) is not null)
            .SelectMany(u => u.Value
                .Where(used => FeatureOf(used) is { } to && to != FeatureOf(u.Key) && !SharedParts.ContainsKey(used[Features.Length..]))
                .Select(used => (FeatureOf(u.Key)!, FeatureOf(used)!, u.Key, used)))
            .OrderBy(u => u.Item3, StringComparer.Ordinal).ThenBy(u => u.Item4, StringComparer.Ordinal)
            .ToList();

    /// <summary>"Dashboard" for VocEdWeek.Bot.Features.Dashboard.SignIn.TabSession; null outside bot/Features.</summary>
    private static string? FeatureOf(string typeName) =>
        typeName.StartsWith(Features, StringComparison.Ordinal) && TypeDependencies.NamespaceOf(typeName).Length >= Features.Length
            ? typeName[Features.Length..].Split('.')[0]
            : null;
}
