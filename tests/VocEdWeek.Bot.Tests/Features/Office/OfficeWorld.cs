using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Office;

/// <summary>
/// The whole app (AddBotApp) with a week file, its own LiteDB folder (or PostgreSQL database, see TestStorage), a UTC
/// FakeTimeProvider and a recording messenger;
/// turns go through the real TurnRouter, in a personal chat or in a team channel.
/// </summary>
public sealed class OfficeWorld : IDisposable
{
    public static readonly TestUser Staff = FormsWorld.Staff;
    public static readonly TestUser Liaison = FormsWorld.Liaison;
    public static readonly TestUser Stranger = FormsWorld.Stranger;

    private readonly TempDir _dir = new();
    private readonly ServiceProvider _services;

    /// <param name="departments">null: the 2024 Wuxi sample (5 departments); else a generated week with that many.</param>
    /// <param name="settings">Extra configuration (e.g. the SharePoint section pointing at a fake Graph).</param>
    public OfficeWorld(DateTimeOffset? now = null, int? departments = null, bool withWeek = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Clock = new FakeTimeProvider(now ?? FormsWorld.Beijing(2024, 5, 14, 10, 0));
        var config = new Dictionary<string, string?> { ["Storage:Directory"] = _dir.Path };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        if (withWeek)
        {
            config["Week:DefinitionFile"] = departments is { } n
                ? SampleWeeks.Write(_dir.Path, n)
                : Path.Combine(AppContext.BaseDirectory, "Weeks", "Samples", "2024-wuxi.json");
        }
        _services = AppServices.Build(config, Clock, Messenger);
    }

    public FakeTimeProvider Clock { get; }
    public string StorageDirectory => _dir.Path;
    public RecordingMessenger Messenger { get; } = new();
    public ISubmissionStore Store => _services.GetRequiredService<ISubmissionStore>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();
    public ActiveWeek Week => _services.GetRequiredService<WeekCatalog>().Active!;
    public string WeekId => Week.Definition.Id;

    /// <summary>Stores a first version of an item for a department, handed in at a Beijing wall-clock time.</summary>
    public void Submit(string departmentId, string itemKey, DateTimeOffset at) =>
        Store.Submit(new Submission
        {
            WeekId = WeekId,
            DepartmentId = departmentId,
            ItemKey = itemKey,
            SubmittedAt = at.UtcDateTime,
            SubmittedByName = "测试",
            SubmittedByTeamsId = "29:test",
            Data = "{}",
        });

    /// <summary>Types a message; returns everything the bot sent in answer.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> SayAsync(TestUser user, string text, ConversationScope scope = ConversationScope.Personal, string locale = "zh-CN")
    {
        var before = Messenger.Sent.Count;
        await Run(Build(user, TurnKind.Message, scope, locale, text, null));
        return Messenger.Sent.Skip(before).Select(s => s.Message).ToList();
    }

    public async Task<JsonObject> CardAsync(TestUser user, string text, ConversationScope scope = ConversationScope.Personal, string locale = "zh-CN")
    {
        var sent = await SayAsync(user, text, scope, locale);
        return sent.SelectMany(m => m.Cards).LastOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"No card for '{text}'; got: {string.Join(" | ", sent.Select(m => m.Text))}");
    }

    public async Task<string> TextAsync(TestUser user, string text, ConversationScope scope = ConversationScope.Personal, string locale = "zh-CN")
    {
        var sent = await SayAsync(user, text, scope, locale);
        Assert.All(sent, m => Assert.Empty(m.Cards));
        return string.Join("\n", sent.Select(m => m.Text));
    }

    /// <summary>Clicks an Action.Execute button with this data; returns the invoke answer.</summary>
    public async Task<InvokeResult> ExecuteAsync(TestUser user, JsonObject data, ConversationScope scope = ConversationScope.Personal, string locale = "zh-CN")
    {
        var turn = Build(user, TurnKind.CardAction, scope, locale, "", data);
        await Run(turn);
        return turn.InvokeResult ?? throw new Xunit.Sdk.XunitException("The invoke got no answer.");
    }

    private Task Run(TurnContext turn) => _services.GetRequiredService<ITurnHandler>().OnTurnAsync(turn, CancellationToken.None);

    private TurnContext Build(TestUser user, TurnKind kind, ConversationScope scope, string locale, string text, JsonObject? data) =>
        new(Messenger)
        {
            Kind = kind,
            Conversation = scope == ConversationScope.Personal
                ? new ConversationRef("https://smba.example/", $"a:{user.Id}", "tenant-1", "28:bot", "bot", scope, user.Id, user.AadObjectId)
                : new ConversationRef("https://smba.example/", "19:office@thread.tacv2;messageid=1", "tenant-1", "28:bot", "bot", scope,
                    user.Id, user.AadObjectId, TeamId: "19:team@thread.tacv2", ChannelId: "19:office@thread.tacv2"),
            User = new UserRef(user.Id, user.AadObjectId, user.Name),
            Culture = CultureInfo.GetCultureInfo(locale),
            ReceivedAt = Clock.GetUtcNow(),
            Text = text,
            Value = data is null ? null : JsonSerializer.SerializeToElement(data),
            Verb = (string?)data?["verb"],
            ActivityId = $"act-{Guid.NewGuid():N}",
        };

    public void Dispose()
    {
        _services.Dispose();
        _dir.Dispose();
    }
}
