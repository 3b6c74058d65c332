using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The app as AddBotApp registers it, on a LiteDB file in a temp folder that outlives <see cref="Restart"/>
/// (a restart = new service instances on the same file), a UTC FakeTimeProvider and a scripted messenger.
/// The week is the 2024 Wuxi sample unless another is given.
/// </summary>
public sealed class DeliveryWorld : IDisposable
{
    public const string Tenant = "tenant-1";
    public const string ServiceUrl = "https://smba.example/amer/";
    public const string ChannelId = "19:office@thread.tacv2";
    public const string StaffAad = GeneratedWeeks.StaffAad;

    private static readonly JsonSerializerOptions WeekJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly TempDir _dir = new();
    private readonly Dictionary<string, string?> _settings;
    private ServiceProvider _services;

    public DeliveryWorld(DateTimeOffset now, Dictionary<string, string?>? settings = null, WeekDefinition? week = null, IMessenger? messenger = null)
    {
        Clock = new WatchedTimeProvider(now);
        var weekFile = Path.Combine(RepoPaths.Samples, "2024-wuxi.json");
        if (week is not null)
        {
            weekFile = Path.Combine(_dir.Path, "week.json");
            File.WriteAllText(weekFile, JsonSerializer.Serialize(week, WeekJson));
        }
        _settings = new Dictionary<string, string?> { ["Storage:Directory"] = Path.Combine(_dir.Path, "data"), ["Week:DefinitionFile"] = weekFile };
        // VOCEDWEEK_TEST_STORAGE=PostgreSql: one fresh database, kept across Restart like the LiteDB file.
        foreach (var (k, v) in TestStorage.Settings()) _settings[k] = v;
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
        TestStorage.KeyForPostgreSql(_settings);
        MessengerInUse = messenger ?? Messenger;
        _services = Build();
    }

    public WatchedTimeProvider Clock { get; }

    /// <summary>The serviceUrl of stored chats and of turns (a FakeConnector's when the real connector is used).</summary>
    public string TurnServiceUrl { get; set; } = ServiceUrl;

    public ScriptedMessenger Messenger { get; } = new();

    public IMessenger MessengerInUse { get; }

    public string DataDirectory => Path.Combine(_dir.Path, "data");

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public ActiveWeek Week => Get<WeekCatalog>().Active!;

    public IOutboxStore Jobs => Get<IOutboxStore>();

    /// <summary>A wall-clock time in Beijing as an instant (the server clock itself is UTC).</summary>
    public static DateTimeOffset Beijing(int month, int day, int hour, int minute, int second = 0, int year = 2024) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(8)).ToUniversalTime();

    public void SetBeijing(int month, int day, int hour, int minute, int second = 0) => Clock.SetUtcNow(Beijing(month, day, hour, minute, second));

    /// <summary>The process stops and starts again: every singleton anew, same LiteDB file, same clock and messenger.</summary>
    public void Restart()
    {
        _services.Dispose();
        _services = Build();
    }

    /// <summary>One scheduler tick at the current time, then the outbox until nothing is due.</summary>
    public async Task<IReadOnlyList<string>> TickAsync()
    {
        var ran = await Get<Scheduler>().RunDueAsync(Clock.GetUtcNow());
        await DrainAsync();
        return ran;
    }

    public async Task DrainAsync()
    {
        while (await Get<OutboxWorker>().RunDueAsync(Clock.GetUtcNow()) > 0) { }
    }

    /// <summary>The office channel, as "@bot 设为通知频道" stores it.</summary>
    public void SetDigestChannel()
    {
        Get<IConversationStore>().Save(new ConversationRecord
        {
            Id = ChannelId, ServiceUrl = ServiceUrl, TenantId = Tenant, Scope = "Channel", ChannelId = ChannelId, TeamId = ChannelId,
            UpdatedAt = Clock.GetUtcNow().UtcDateTime,
        });
        Get<ISettingsStore>().Set(DigestChannelHandler.SettingKey, ChannelId, StaffAad, Clock.GetUtcNow());
    }

    /// <summary>A person who has talked to the bot in 1:1: their chat is stored as "a:{aad}".</summary>
    public string Talked(string aadObjectId, string? teamsId = null, string locale = "zh-CN")
    {
        var id = $"a:{aadObjectId}";
        Get<IConversationStore>().Save(new ConversationRecord
        {
            Id = id, ServiceUrl = TurnServiceUrl, TenantId = Tenant, Scope = "Personal", UserId = teamsId ?? $"29:{aadObjectId}",
            UserAadObjectId = aadObjectId, Locale = locale, UpdatedAt = Clock.GetUtcNow().UtcDateTime,
        });
        return id;
    }

    /// <summary>Every liaison with an Entra id has talked to the bot (so each has a stored chat).</summary>
    public void EveryoneTalked()
    {
        foreach (var person in Week.Definition.Departments.SelectMany(d => d.Liaisons).Where(p => p.AadObjectId is not null))
            Talked(person.AadObjectId!);
    }

    public void Submit(string departmentId, WeekItem item, DateTimeOffset at, DailyReportData? report = null) =>
        Get<ISubmissionStore>().Submit(new Submission
        {
            WeekId = Week.Definition.Id, DepartmentId = departmentId, ItemKey = item.Key, SubmittedAt = at.UtcDateTime,
            SubmittedByName = "test", SubmittedByTeamsId = "29:test", Data = report is null ? "{}" : FormJson.Serialize(report),
        });

    public void Exempt(string departmentId, WeekItem item) =>
        Get<ISubmissionStore>().Exempt(new Exemption { WeekId = Week.Definition.Id, DepartmentId = departmentId, ItemKey = item.Key, SetBy = "staff", SetAt = Clock.GetUtcNow().UtcDateTime });

    public static WeekItem Report(int month, int day) => new(ItemKind.DailyReport, new DateOnly(2024, month, day));

    /// <summary>A staff member (or anyone) clicking an Action.Execute button in their 1:1 chat.</summary>
    public async Task<InvokeResult> ClickAsync(string aadObjectId, string name, System.Text.Json.Nodes.JsonObject data, string locale = "zh-CN")
    {
        var turn = new TurnContext(MessengerInUse)
        {
            Kind = TurnKind.CardAction,
            Conversation = new ConversationRef(TurnServiceUrl, $"a:{aadObjectId}", Tenant, "28:bot", "bot", ConversationScope.Personal, $"29:{aadObjectId}", aadObjectId),
            User = new UserRef($"29:{aadObjectId}", aadObjectId, name),
            Culture = CultureInfo.GetCultureInfo(locale),
            ReceivedAt = Clock.GetUtcNow(),
            Value = JsonSerializer.SerializeToElement(data),
            Verb = (string?)data["verb"],
            ActivityId = $"act-{Guid.NewGuid():N}",
        };
        await Get<ITurnHandler>().OnTurnAsync(turn, CancellationToken.None);
        return turn.InvokeResult ?? throw new Xunit.Sdk.XunitException("The invoke got no answer.");
    }

    /// <summary>Types a command in a 1:1 chat; returns what the bot sent back.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> SayAsync(string aadObjectId, string name, string text, string locale = "zh-CN")
    {
        var before = Messenger.Sent.Count;
        var turn = new TurnContext(MessengerInUse)
        {
            Kind = TurnKind.Message,
            Conversation = new ConversationRef(TurnServiceUrl, $"a:{aadObjectId}", Tenant, "28:bot", "bot", ConversationScope.Personal, $"29:{aadObjectId}", aadObjectId),
            User = new UserRef($"29:{aadObjectId}", aadObjectId, name),
            Culture = CultureInfo.GetCultureInfo(locale),
            ReceivedAt = Clock.GetUtcNow(),
            Text = text,
            ActivityId = $"act-{Guid.NewGuid():N}",
        };
        await Get<ITurnHandler>().OnTurnAsync(turn, CancellationToken.None);
        return Messenger.Sent.Skip(before).Select(s => s.Message).ToList();
    }

    public IReadOnlyList<ReminderLogEntry> ReminderLog() => Get<IReminderLogStore>().All(Week.Definition.Id);

    /// <summary>A crash between running a slot and recording it: the record is gone, from whichever database keeps it.</summary>
    public void ForgetSlot(string key)
    {
        if (TestStorage.OnPostgreSql) Get<VocEdWeek.Bot.Storage.PostgreSql.PgDatabase>().Execute("DELETE FROM schedule_slots WHERE id = $1", key);
        else Get<BotDatabase>().Collection<VocEdWeek.Bot.Scheduling.SlotRecord>("schedule_slots").Delete(key);
    }

    private ServiceProvider Build()
    {
        return AppServices.Build(_settings, Clock, MessengerInUse);
    }

    public void Dispose()
    {
        _services.Dispose();
        _dir.Dispose();
    }
}
