using LiteDB;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Features.WeekSetup;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Operations.Backup;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Tests.Operations.Migrate;

/// <summary>
/// A running bot on LiteDB (the 2024 Wuxi week) with a day of records in every collection, written through the real
/// LiteDB stores, and a stopped copy of its folder (the backup's consistent snapshot) for <c>migrate-storage</c> to read.
/// </summary>
public sealed class LiteDbWeekWorld : IDisposable
{
    public static readonly WeekItem Today = new(ItemKind.DailyReport, new DateOnly(2024, 5, 14));
    public static readonly DateTime At = FormsWorld.Beijing(2024, 5, 14, 12, 0).UtcDateTime;

    private readonly TempDir _stopped = new();

    public LiteDbWeekWorld()
    {
        // The source of the move is a LiteDB bot on either test run.
        Bot = new OfficeWorld(FormsWorld.Beijing(2024, 5, 14, 13, 0), settings: TestStorage.LiteDb());
        Fill();
        DatabaseSnapshot.Write(Bot.Get<BotDatabase>().Database, Path.Combine(_stopped.Path, "vocedweek.db"));
    }

    /// <summary>The bot on LiteDB, still running (it holds its folder's lock).</summary>
    public OfficeWorld Bot { get; }

    /// <summary>A folder with the same records and no bot on it.</summary>
    public string StoppedDirectory => _stopped.Path;

    public string BatchOfTwo { get; private set; } = "";
    public string OldAcknowledgedBatch { get; private set; } = "";

    private void Fill()
    {
        Bot.Submit("jd", Today.Key, FormsWorld.Beijing(2024, 5, 14, 11, 30));
        Bot.Submit("jd", Today.Key, FormsWorld.Beijing(2024, 5, 14, 12, 40));
        Bot.Submit("xx", Today.Key, FormsWorld.Beijing(2024, 5, 14, 12, 50));
        Bot.Submit("jg", new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 13)).Key, FormsWorld.Beijing(2024, 5, 13, 20, 0));
        Bot.Store.Exempt(new Exemption { WeekId = Bot.WeekId, DepartmentId = "sj", ItemKey = Today.Key, SetBy = "吴苏玲", SetAt = At, Reason = "实习" });

        var media = Bot.Get<IMediaStore>();
        BatchOfTwo = "upload:jd:1";
        media.AddBatch([Media("jd", "a.jpg", BatchOfTwo, RemoteState.Uploaded), Media("jd", "b.mp4", BatchOfTwo, RemoteState.Waiting)]);
        OldAcknowledgedBatch = "upload:xx:1";
        media.AddBatch([Media("xx", "c.jpg", OldAcknowledgedBatch, RemoteState.None), Media("xx", "d.jpg", OldAcknowledgedBatch, RemoteState.None), Media("xx", "e.pdf", OldAcknowledgedBatch, RemoteState.None)]);

        var outbox = Bot.Get<IOutboxStore>();
        outbox.Add(Job("remind:1", OutboxState.Sent));
        outbox.Add(Job("remind:2", OutboxState.Pending));
        var log = Bot.Get<IReminderLogStore>();
        log.Add(new ReminderLogEntry { At = At, LocalDay = "2024-05-14", WeekId = Bot.WeekId, Trigger = "schedule", PersonKey = "p1", PersonName = "张伟", DepartmentId = "jd", DepartmentName = "机电", ItemKeys = [Today.Key], JobId = "remind:1" });
        log.Add(new ReminderLogEntry { At = At, LocalDay = "2024-05-14", WeekId = Bot.WeekId, Trigger = "schedule", PersonKey = "p2", PersonName = "李娜", DepartmentId = "xx", DepartmentName = "信息", ItemKeys = [Today.Key], Skipped = "quiet" });

        var settings = Bot.Get<ISettingsStore>();
        settings.Set("digest.channel", "19:old@thread", "29:wusuling", At, "吴苏玲");
        settings.Set("digest.channel", "19:new@thread", "29:wusuling", At.AddMinutes(5), "吴苏玲");
        Bot.Get<IConversationStore>().Save(new ConversationRecord { Id = "a:personal", ServiceUrl = "https://smba.example/", Scope = "Personal", UserId = "29:zhangwei", UserName = "张伟", UpdatedAt = At, InstalledAt = At });
        Bot.Get<IKnownUserStore>().Save(new KnownUser { Id = "29:zhangwei", Email = "zhangwei@example.edu.cn", CheckedAt = At });
        Bot.Get<IUploadAcknowledgementStore>().Acknowledge(BatchOfTwo, 2, At);
        // Written before counts were kept: a count of 0 meant "all of the batch".
        Bot.Get<BotDatabase>().Collection<UploadAcknowledgement>("upload_acknowledgements").Insert(new UploadAcknowledgement { Id = OldAcknowledgedBatch, At = At });
        Bot.Get<ISettingsLogStore>().Add(new SettingsLogEntry { WeekId = Bot.WeekId, At = At, ActorName = "吴苏玲", Kind = "exempt", Subject = "实习", Before = "", After = "免报", Revision = 1 });
        // An entry from before the key became a string: its ObjectId comes over as its hex digits.
        Bot.Get<BotDatabase>().Database.GetCollection("settingslog").Insert(new BsonDocument
        {
            ["_id"] = ObjectId.NewObjectId(), ["WeekId"] = Bot.WeekId, ["At"] = At.AddMinutes(-5), ["ActorName"] = "吴苏玲", ["Kind"] = "name", ["Subject"] = "旧", ["After"] = "新", ["Revision"] = 0,
        });
        Bot.Get<IPendingChangeStore>().Add(new PendingChange { WeekId = Bot.WeekId, Proposal = new SettingsProposal { Kind = "week.exempt", DepartmentId = "sj" }, AskedByTeamsId = "29:wusuling", AskedByName = "吴苏玲", CreatedAt = At, ExpiresAt = At.AddHours(1) });
        Bot.Get<ISetupPendingStore>().Add("draft", "{\"id\":\"x\"}", "chat", "29:wusuling", Bot.WeekId, 1);
        Bot.Get<IExportStore>().Add(new ExportRecord { Kind = ExportKind.Statistics, WeekId = Bot.WeekId, WeekTitle = "活动周", FileName = "s.xlsx", Size = 123, Sha256 = "ab", CreatedAt = At, RequestedByName = "吴苏玲", RequestedByTeamsId = "29:wusuling", Storage = ExportStorage.Local, Location = "exports/s.xlsx" });
        var picks = Bot.Get<IPickStore>();
        picks.Put(new Pick { WeekId = Bot.WeekId, Source = PickSource.Liaison, DepartmentId = "jd", ItemKey = Today.Key, Kind = PickKind.Case, ByName = "张伟", At = At });
        picks.Put(new Pick { WeekId = Bot.WeekId, Source = PickSource.Office, DepartmentId = "jd", ItemKey = Today.Key, Kind = PickKind.Photo, MediaId = "m1", Reason = "画面好", ByName = "吴苏玲", ByAadObjectId = "aad-wsl", At = At.AddMinutes(1) });
        picks.Withdraw(Bot.WeekId, PickSource.Office, $"jd|{Today.Key}|Photo|m1", "王强", At.AddMinutes(2));
        Bot.Get<ISlotStore>().Record(new SlotRecord { Id = "digest:2024-05-14", Source = "digest", At = At, RecordedAt = At.AddSeconds(3), Result = "sent" });
    }

    private MediaRecord Media(string department, string name, string batch, RemoteState remote) => new()
    {
        WeekId = Bot.WeekId, DepartmentId = department, ItemKey = Today.Key, FileName = name, OriginalName = name, Size = 10, Sha256 = "00",
        Location = $"media/{name}", ReceivedAt = At, FromName = "张伟", BatchId = batch, State = MediaState.Stored, ConversationId = "a:personal",
        Locale = "zh-CN", Remote = remote, RemoteUploadedAt = remote == RemoteState.Uploaded ? At.AddMinutes(1) : null,
    };

    private OutboxJob Job(string id, OutboxState state) => new()
    {
        Id = id, Topic = "reminder", Recipient = new OutboxRecipient { ConversationId = "a:personal", Name = "张伟" }, Payload = "{\"text\":\"请报送\",\"n\":1}",
        WeekId = Bot.WeekId, DepartmentId = "jd", ItemKeys = [Today.Key], State = state, Outcome = state == OutboxState.Sent ? OutboxOutcome.Delivered : OutboxOutcome.Queued,
        NextAttemptAt = At, CreatedAt = At, UpdatedAt = At, SentAt = state == OutboxState.Sent ? At : null,
    };

    public void Dispose()
    {
        Bot.Dispose();
        _stopped.Dispose();
    }
}
