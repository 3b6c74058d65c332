using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.App;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Settings;

/// <summary>
/// The real bot over HTTP for the settings: the 2024 Wuxi week with two admins (王强, 周红) and an observer-to-be, on Tuesday
/// 14 May 2024 10:00 Beijing (FakeTimeProvider), a recording connector on 127.0.0.1. One per test: every test changes the week.
/// </summary>
public sealed class SettingsApp : IAsyncDisposable
{
    public static readonly TestUser Admin = AccessTableApp.Admin;
    public static readonly TestUser OtherAdmin = new("29:zhouhong", "ad000000-0000-4000-8000-000000000002", "周红");
    public static readonly TestUser NewLiaison = new("29:liming", "11a150a0-0000-4000-8000-0000000000aa", "李明");
    public static readonly TestUser Leader = AccessTableApp.Observer;
    private readonly TempDir _dir;

    private SettingsApp(ExportApp app, TempDir dir)
    {
        App = app;
        _dir = dir;
    }

    public ExportApp App { get; }

    public static async Task<SettingsApp> StartAsync()
    {
        var dir = new TempDir();
        var week = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "2024-wuxi.json")))!;
        week["office"]!["admins"] = new JsonArray(
            new JsonObject { ["name"] = Admin.Name, ["aadObjectId"] = Admin.AadObjectId },
            new JsonObject { ["name"] = OtherAdmin.Name, ["aadObjectId"] = OtherAdmin.AadObjectId });
        var file = Path.Combine(dir.Path, "week.json");
        await File.WriteAllTextAsync(file, week.ToJsonString());
        return new SettingsApp(await ExportApp.StartAsync(new Dictionary<string, string?> { ["Week:DefinitionFile"] = file }), dir);
    }

    /// <summary>Types <paramref name="text"/> as <paramref name="user"/>; returns what was posted (texts and cards as JSON).</summary>
    public async Task<string> SayAsync(TestUser user, string text, string locale = "zh-CN")
    {
        // The connector's per-conversation limits run on this clock: a few seconds a turn keeps every chat inside them.
        App.Clock.Advance(TimeSpan.FromSeconds(3));
        var mark = App.Mark();
        await App.SayAsync(user, text, locale: locale);
        return string.Join("\n", App.Posted(mark).Select(p => p.ToJsonString(Json)));
    }

    /// <summary>The one card the bot answered <paramref name="text"/> with.</summary>
    public async Task<JsonObject> CardAsync(TestUser user, string text, string locale = "zh-CN")
    {
        App.Clock.Advance(TimeSpan.FromSeconds(3));
        var mark = App.Mark();
        await App.SayAsync(user, text, locale: locale);
        return Assert.Single(App.Cards(mark));
    }

    /// <summary>The text the bot answered <paramref name="text"/> with.</summary>
    public async Task<string> TextAsync(TestUser user, string text, string locale = "zh-CN")
    {
        App.Clock.Advance(TimeSpan.FromSeconds(3));
        var mark = App.Mark();
        await App.SayAsync(user, text, locale: locale);
        return App.Texts(mark);
    }

    /// <summary>Presses an Action.Execute button; returns the invoke answer's body (a card, or a message).</summary>
    public async Task<JsonObject> PressAsync(TestUser user, JsonObject data, string locale = "zh-CN")
    {
        App.Clock.Advance(TimeSpan.FromSeconds(3));
        using var response = await App.ExecuteAsync(user, data, "card-1", locale: locale);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The pending change id on a confirm card.</summary>
    public static string PendingId(JsonObject card) =>
        (string)ExportApp.Actions(card, "Action.Execute").First(a => (string?)a["verb"] == "settings.confirm")["data"]!["pendingId"]!;

    public Task<JsonObject> ConfirmAsync(TestUser user, string pendingId) =>
        PressAsync(user, new JsonObject { ["verb"] = "settings.confirm", ["pendingId"] = pendingId });

    /// <summary>Types a shortcut as the admin and confirms it; returns the receipt card (asserting it says the change was made).</summary>
    public async Task<JsonObject> ChangeAsync(string text)
    {
        var confirm = await CardAsync(Admin, text);
        var body = await ConfirmAsync(Admin, PendingId(confirm));
        var receipt = Card(body);
        Assert.Contains("✓ 已更改", receipt.ToJsonString(Json));
        return receipt;
    }

    /// <summary>The card in an invoke answer.</summary>
    public static JsonObject Card(JsonObject body)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        return body["value"]!.AsObject();
    }

    /// <summary>The message in an invoke answer.</summary>
    public static string Message(JsonObject body)
    {
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        return (string)body["value"]!;
    }

    /// <summary>Chinese as it is (not \u-escaped), so assertions can look for names.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _dir.Dispose();
    }
}
