using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.Forms;

/// <summary>
/// The whole app as registered by AddBotApp, with the 2024 Wuxi sample week, a LiteDB file in a fresh temp folder
/// (the moved stores on a fresh PostgreSQL database under VOCEDWEEK_TEST_STORAGE=PostgreSql, see TestStorage), a UTC
/// FakeTimeProvider and a recording messenger. Turns go through the real TurnRouter.
/// </summary>
public sealed class FormsWorld : IDisposable
{
    public static readonly TestUser Liaison = new("29:zhangwei", "11a150a0-0000-4000-8000-000000000001", "张伟");
    public static readonly TestUser OtherLiaison = new("29:lina", "11a150a0-0000-4000-8000-000000000002", "李娜");
    public static readonly TestUser Staff = new("29:wusuling", "0ff1ce00-0000-4000-8000-000000000001", "吴苏玲");
    public static readonly TestUser Stranger = new("29:stranger", "99999999-0000-4000-8000-000000000009", "路人");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vocedweek-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    /// <param name="settings">Configuration over the defaults; a <c>Storage:Provider</c> here overrides VOCEDWEEK_TEST_STORAGE.</param>
    public FormsWorld(DateTimeOffset? now = null, bool withWeek = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Clock = new FakeTimeProvider(now ?? Beijing(2024, 5, 14, 10, 0));
        var all = new Dictionary<string, string?> { ["Storage:Directory"] = _directory };
        if (withWeek) all["Week:DefinitionFile"] = Path.Combine(AppContext.BaseDirectory, "Weeks", "Samples", "2024-wuxi.json");
        if (settings?.ContainsKey("Storage:Provider") != true)
        {
            foreach (var (k, v) in TestStorage.Settings()) all[k] = v;
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddBotApp(configuration);
        // File intake sends its acknowledgements through the messenger and fetches through the protocol's downloader.
        services.AddSingleton<VocEdWeek.Bot.Conversation.IMessenger>(Messenger);
        services.AddSingleton<VocEdWeek.Bot.Conversation.IFileDownloader>(new RefusingFileDownloader());
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public RecordingMessenger Messenger { get; } = new();

    public ISubmissionStore Store => _services.GetRequiredService<ISubmissionStore>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A wall-clock time in Beijing as an instant (the server clock itself is UTC).</summary>
    public static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(8)).ToUniversalTime();

    public void SetBeijing(int month, int day, int hour, int minute, int second = 0) => Clock.SetUtcNow(Beijing(2024, month, day, hour, minute, second));

    /// <summary>Action.Execute with the given data (verb taken from the data): the answer is in the invoke result.</summary>
    public async Task<InvokeResult> ExecuteAsync(TestUser user, JsonObject data, string locale = "zh-CN")
    {
        var turn = Build(user, TurnKind.CardAction, locale, "", data);
        await Run(turn);
        return turn.InvokeResult ?? throw new Xunit.Sdk.XunitException("The invoke got no answer.");
    }

    /// <summary>Action.Submit (a message with a value replying to the card message <paramref name="cardMessageId"/>).</summary>
    public async Task<TurnContext> SubmitAsync(TestUser user, JsonObject data, string cardMessageId, string locale = "zh-CN")
    {
        var turn = Build(user, TurnKind.CardSubmit, locale, "", data, cardMessageId);
        await Run(turn);
        return turn;
    }

    /// <summary>Types a command and returns the card the bot answered with.</summary>
    public async Task<JsonObject> CardForAsync(TestUser user, string text, string locale = "zh-CN")
    {
        var before = Messenger.Sent.Count;
        await Run(Build(user, TurnKind.Message, locale, text, null));
        var card = Messenger.Sent.Skip(before).SelectMany(s => s.Message.Cards).LastOrDefault();
        return card ?? throw new Xunit.Sdk.XunitException($"No card for '{text}'; got: {LastText()}");
    }

    /// <summary>Types a command and returns the text the bot answered with.</summary>
    public async Task<string> TextForAsync(TestUser user, string text, string locale = "zh-CN")
    {
        var before = Messenger.Sent.Count;
        await Run(Build(user, TurnKind.Message, locale, text, null));
        var sent = Messenger.Sent.Skip(before).ToList();
        Assert.All(sent, s => Assert.Empty(s.Message.Cards));
        return string.Join("\n", sent.Select(s => s.Message.Text));
    }

    public string LastText() => Messenger.Sent.LastOrDefault().Message?.Text ?? "(nothing)";

    private Task Run(TurnContext turn) => _services.GetRequiredService<ITurnHandler>().OnTurnAsync(turn, CancellationToken.None);

    /// <summary>A turn as the protocol layer would build it, not yet run.</summary>
    public TurnContext Build(TestUser user, TurnKind kind, string locale, string text, JsonObject? data, string? replyToId = null) =>
        new(Messenger)
        {
            Kind = kind,
            Conversation = new ConversationRef("https://smba.example/", $"a:{user.Id}", "tenant-1", "28:bot", "bot", ConversationScope.Personal, user.Id, user.AadObjectId),
            User = new UserRef(user.Id, user.AadObjectId, user.Name),
            Culture = CultureInfo.GetCultureInfo(locale),
            ReceivedAt = Clock.GetUtcNow(),
            Text = text,
            Value = data is null ? null : JsonSerializer.SerializeToElement(data),
            Verb = (string?)data?["verb"],
            ReplyToId = replyToId,
            ActivityId = $"act-{Guid.NewGuid():N}",
        };

    public void Dispose()
    {
        _services.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

public sealed record TestUser(string Id, string AadObjectId, string Name);
