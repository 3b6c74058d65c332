using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.App.AccessTable;

namespace VocEdWeek.Bot.Tests.App;

/// <summary>
/// One real bot over HTTP for the whole table: the 2024 Wuxi week on Tuesday 14 May 10:00, with its backup liaison 赵敏
/// (建筑工程学院) given an Entra id so that she can talk to the bot like the others, an observer (a school leader) and an admin.
/// </summary>
public sealed class AccessTableApp : IAsyncLifetime
{
    public const string BackupAad = "11a150a0-0000-4000-8000-000000000006";
    public static readonly TestUser Observer = new("29:chen", "0b5e7e00-0000-4000-8000-000000000001", "陈校长");
    public static readonly TestUser Admin = new("29:wangqiang", "ad000000-0000-4000-8000-000000000001", "王强");
    private readonly TempDir _dir = new();

    public ExportApp App { get; private set; } = null!;

    public static TestUser User(Role role) => role switch
    {
        Role.Stranger => FormsWorld.Stranger,
        Role.Liaison => FormsWorld.Liaison,
        Role.Backup => new TestUser("29:zhaomin", BackupAad, "赵敏"),
        Role.Observer => Observer,
        Role.Admin => Admin,
        _ => FormsWorld.Staff,
    };

    public async Task InitializeAsync()
    {
        var week = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "2024-wuxi.json")))!;
        var backup = week["departments"]!.AsArray().Single(d => (string?)d!["id"] == "jz")!["liaisons"]!.AsArray()
            .Single(l => (bool?)l!["backup"] == true)!;
        backup["aadObjectId"] = BackupAad;
        week["office"]!["observers"] = new JsonArray(new JsonObject { ["name"] = Observer.Name, ["aadObjectId"] = Observer.AadObjectId });
        week["office"]!["admins"] = new JsonArray(new JsonObject { ["name"] = Admin.Name, ["aadObjectId"] = Admin.AadObjectId });
        var file = Path.Combine(_dir.Path, "week.json");
        await File.WriteAllTextAsync(file, week.ToJsonString());
        App = await ExportApp.StartAsync(new Dictionary<string, string?> { ["Week:DefinitionFile"] = file });
    }

    /// <summary>Sends the row's command or presses its button as <paramref name="role"/>; returns every text answer.</summary>
    public async Task<IReadOnlyList<string>> AnswerAsync(Row row, Role role)
    {
        var user = User(role);
        // The connector's per-conversation limits (7 per 1 s … 60 per 30 s) run on this clock; each role has its own chat and
        // the cases take the roles in turn, so 11 s a case keeps every chat far inside them. 11 s × every case stays within
        // Tuesday morning, before the 12:00 report deadline.
        App.Clock.Advance(TimeSpan.FromSeconds(11));
        var mark = App.Mark();
        if (!row.IsVerb)
        {
            await App.SayAsync(user, row.Input, row.InChannel);
            return App.Posted(mark).Select(p => (string?)p["text"] ?? "(card)").ToList();
        }
        var data = new JsonObject { ["verb"] = row.Input, ["weekId"] = "2024-wuxi", ["itemKey"] = "report:2024-05-14" };
        using var response = await App.ExecuteAsync(user, data, "card-1", row.InChannel);
        await App.IdleAsync();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var answers = App.Posted(mark).Select(p => (string?)p["text"] ?? "(card)").ToList();
        if (body?["type"] is { } type) answers.Insert(0, (string?)type == "application/vnd.microsoft.activity.message" ? (string?)body["value"] ?? "" : "(card)");
        return answers;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _dir.Dispose();
    }
}
