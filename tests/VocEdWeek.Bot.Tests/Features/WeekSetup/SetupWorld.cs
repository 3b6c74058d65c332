using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup;

/// <summary>
/// The real bot over HTTP with no week at all and one administrator in <c>Office:Admins</c>, files served from 127.0.0.1
/// like Teams' download links, and a connector that tells the bot people's e-mails (so rosters without Entra ids match).
/// </summary>
public sealed class SetupWorld : IAsyncDisposable
{
    public static readonly TestUser Admin = new("29:wangqiang", "ad000000-0000-4000-8000-0000000000a1", "王强");
    public const string AdminEmail = "wangqiang@college.example.edu.cn";
    public static readonly TestUser ZhangWei = new("29:zhangwei", "11a150a0-0000-4000-8000-0000000000b1", "张伟");
    public static readonly TestUser LiMing = new("29:liming", "11a150a0-0000-4000-8000-0000000000b2", "李明");

    private SetupWorld(ExportApp app, FakeDownloads downloads)
    {
        App = app;
        Downloads = downloads;
    }

    public ExportApp App { get; }
    public FakeDownloads Downloads { get; }
    public WeekCatalog Weeks => App.Services.GetRequiredService<WeekCatalog>();

    public static async Task<SetupWorld> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Week:DefinitionFile"] = "", ["Office:Admins:0"] = AdminEmail };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var world = new SetupWorld(await ExportApp.StartAsync(all), await FakeDownloads.StartAsync());
        world.Knows(Admin, AdminEmail);
        world.Knows(ZhangWei, "zhangwei@college.example.edu.cn");
        world.Knows(LiMing, "liming@college.example.edu.cn");
        return world;
    }

    /// <summary>The connector answers get-member for <paramref name="user"/> with this e-mail (as UPN too).</summary>
    public void Knows(TestUser user, string email) =>
        App.Connector.Members[user.Id] = new JsonObject { ["id"] = user.Id, ["aadObjectId"] = user.AadObjectId, ["email"] = email, ["userPrincipalName"] = email, ["name"] = user.Name };

    public Task SendFileAsync(TestUser user, string text, string name, byte[] bytes) =>
        App.SendFilesAsync(user, text, (name, Downloads.Serve("/" + Guid.NewGuid().ToString("N") + Path.GetExtension(name), bytes)));

    /// <summary>The last card the bot posted since <paramref name="mark"/>.</summary>
    public JsonObject LastCard(int mark) => App.Cards(mark).Last();

    /// <summary>Presses an Action.Execute of <paramref name="card"/> by verb with the inputs as the card shows them (plus changes).</summary>
    public async Task<JsonNode> PressAsync(TestUser user, JsonObject card, string verb, Dictionary<string, string>? change = null)
    {
        var action = ExportApp.Actions(card, "Action.Execute").First(a => (string?)a["verb"] == verb);
        var data = action["data"]!.DeepClone().AsObject();
        foreach (var input in Inputs(card)) data[input.Key] = input.Value;
        foreach (var (k, v) in change ?? []) data[k] = v;
        using var response = await App.ExecuteAsync(user, data, "card-1");
        await App.IdleAsync();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Every input's id and value as the card shows it.</summary>
    public static Dictionary<string, string> Inputs(JsonNode card)
    {
        var found = new Dictionary<string, string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if (((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && (string?)o["id"] is { } id) found[id] = (string?)o["value"] ?? "";
                    foreach (var (_, v) in o) Walk(v);
                    break;
                case JsonArray a:
                    foreach (var v in a) Walk(v);
                    break;
            }
        }
        Walk(card);
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        await Downloads.DisposeAsync();
        await App.DisposeAsync();
    }
}

public static class JsonText
{
    private static readonly System.Text.Json.JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON with Chinese as Chinese, for "contains" checks.</summary>
    public static string Unescaped(this JsonNode node) => node.ToJsonString(Plain);
}
