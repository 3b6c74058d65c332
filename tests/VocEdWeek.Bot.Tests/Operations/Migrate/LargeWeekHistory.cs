using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Features.WeekSetup;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Tests.Operations.Migrate;

/// <summary>
/// What a week leaves besides the forms, as the bot's stores write it: every liaison's chat and e-mail, 免报 for some
/// missing reports (each with its settings-log entry), the 11:00 reminder round of each day for the departments still
/// missing (sent, failed, interrupted, blocked; a tenth skipped by the cap), the 12:05 digest to the office channel,
/// the slots that ran, a few exports and the digest channel setting.
/// </summary>
internal static class LargeWeekHistory
{
    private static readonly (OutboxState State, OutboxOutcome Outcome)[] Ends =
    [
        (OutboxState.Sent, OutboxOutcome.Delivered), (OutboxState.Sent, OutboxOutcome.Delivered), (OutboxState.Sent, OutboxOutcome.Delivered),
        (OutboxState.Sent, OutboxOutcome.Delivered), (OutboxState.Failed, OutboxOutcome.Interrupted), (OutboxState.Gone, OutboxOutcome.Blocked),
        (OutboxState.Gone, OutboxOutcome.NotInstalled), (OutboxState.Failed, OutboxOutcome.Throttled),
    ];

    public static void Write(OfficeWorld bot, Random random)
    {
        var week = bot.Week;
        var weekId = week.Definition.Id;
        var conversations = bot.Get<IConversationStore>();
        var users = bot.Get<IKnownUserStore>();
        var installed = FormsWorld.Beijing(2024, 5, 10, 9, 0).UtcDateTime;
        foreach (var department in week.Definition.Departments)
        {
            var liaison = department.Liaisons[0];
            var userId = $"29:{department.Id}";
            conversations.Save(new ConversationRecord
            {
                Id = $"a:{department.Id}", ServiceUrl = "https://smba.trafficmanager.net/apac/", TenantId = "tenant-1", BotId = "28:bot", BotName = "职教活动周助手",
                Scope = "Personal", UserId = userId, UserAadObjectId = liaison.AadObjectId, UserName = liaison.Name, Locale = "zh-CN",
                InstalledAt = installed, WelcomedAt = installed, UpdatedAt = installed.AddMinutes(random.Next(10_000)),
            });
            users.Save(new KnownUser { Id = userId, AadObjectId = liaison.AadObjectId, Email = liaison.Email, UserPrincipalName = liaison.Email, CheckedAt = installed });
        }
        conversations.Save(new ConversationRecord
        {
            Id = "19:office@thread.tacv2", ServiceUrl = "https://smba.trafficmanager.net/apac/", TenantId = "tenant-1", Scope = "Team",
            TeamId = "19:team@thread.tacv2", ChannelId = "19:office@thread.tacv2", InstalledAt = installed, UpdatedAt = installed,
        });
        bot.Get<ISettingsStore>().Set("digest.channel", "19:office@thread.tacv2", FormsWorld.Staff.Id, installed, FormsWorld.Staff.Name);
        Picks(bot.Get<IPickStore>(), week, installed.AddDays(6));

        var handedIn = bot.Store.Summaries(weekId);
        Exemptions(bot, random, handedIn);
        foreach (var day in Enumerable.Range(0, 7).Select(d => week.Definition.Start.AddDays(d)).Where(d => d > week.Definition.Start))
            Round(bot, random, day, handedIn);
        Exports(bot);
    }

    private static void Exemptions(OfficeWorld bot, Random random, IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> handedIn)
    {
        var log = bot.Get<ISettingsLogStore>();
        var revision = 1;
        foreach (var department in bot.Week.Definition.Departments)
        {
            foreach (var item in bot.Week.Calendar.Items.Where(i => i.Kind == ItemKind.DailyReport && !handedIn.ContainsKey((department.Id, i.Key))))
            {
                if (random.NextDouble() > 0.3) continue;
                var at = bot.Week.Calendar.DeadlineOf(item).AddHours(3).UtcDateTime;
                bot.Store.Exempt(new Exemption { WeekId = bot.WeekId, DepartmentId = department.Id, ItemKey = item.Key, SetBy = FormsWorld.Staff.Name, SetAt = at, Reason = "外出参加技能大赛" });
                log.Add(new SettingsLogEntry
                {
                    WeekId = bot.WeekId, At = at, ActorName = FormsWorld.Staff.Name, ActorKey = FormsWorld.Staff.AadObjectId, Kind = "exempt",
                    Subject = $"{department.Name} {item.Key}", Before = "未提交", After = "免报：外出参加技能大赛", Revision = revision++,
                });
            }
        }
        bot.Get<IPendingChangeStore>().Add(new PendingChange
        {
            WeekId = bot.WeekId, Proposal = new SettingsProposal { Kind = "week.exempt", DepartmentId = "d0007" }, AskedByTeamsId = FormsWorld.Staff.Id,
            AskedByName = FormsWorld.Staff.Name, CreatedAt = LargeWeekWorld.Now.UtcDateTime.AddMinutes(-10), ExpiresAt = LargeWeekWorld.Now.UtcDateTime.AddMinutes(50),
        });
        // A roster import asked for and not yet confirmed.
        bot.Get<ISetupPendingStore>().Add("roster", "{\"departments\":[{\"id\":\"d1000\",\"name\":\"新能源学院\"}]}", "导入名单.xlsx", FormsWorld.Staff.Id, bot.WeekId, 1);
    }

    /// <summary>One day's 11:00 reminders (to departments that had not handed in by then) and its 12:05 digest.</summary>
    private static void Round(OfficeWorld bot, Random random, DateOnly day, IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> handedIn)
    {
        var item = new WeekItem(ItemKind.DailyReport, day);
        var at = bot.Week.Calendar.ToInstant(day.ToDateTime(new TimeOnly(11, 0))).UtcDateTime;
        var slot = $"reminder|{day:yyyy-MM-dd}T11:00";
        var outbox = bot.Get<IOutboxStore>();
        var log = bot.Get<IReminderLogStore>();
        foreach (var department in bot.Week.Definition.Departments)
        {
            if (handedIn.TryGetValue((department.Id, item.Key), out var summary) && summary.FirstSubmittedAt <= at) continue;
            var liaison = department.Liaisons[0];
            var entry = new ReminderLogEntry
            {
                At = at, LocalDay = $"{day:yyyy-MM-dd}", WeekId = bot.WeekId, Trigger = "auto", SlotKey = slot, PersonKey = liaison.AadObjectId ?? liaison.Email ?? liaison.Name,
                PersonName = liaison.Name, DepartmentId = department.Id, DepartmentName = department.Name, ItemKeys = [item.Key],
            };
            if (random.NextDouble() < 0.1) entry.Skipped = "cap";
            else
            {
                var (state, outcome) = Ends[random.Next(Ends.Length)];
                var job = Job($"{slot}|{department.Id}", "reminder", new OutboxRecipient { ConversationId = $"a:{department.Id}", Name = liaison.Name }, at, state, outcome);
                job.WeekId = bot.WeekId;
                job.DepartmentId = department.Id;
                job.ItemKeys = [item.Key];
                job.Payload = $$"""{"text":"{{liaison.Name}}老师您好：{{department.Name}}{{day.Month}}月{{day.Day}}日的每日报送尚未提交，请在12:00前报送。"}""";
                outbox.Add(job);
                entry.JobId = job.Id;
            }
            log.Add(entry);
        }
        var digestAt = at.AddMinutes(65);
        outbox.Add(Job($"digest|{day:yyyy-MM-dd}|19:office@thread.tacv2", "digest", new OutboxRecipient { ConversationId = "19:office@thread.tacv2", Name = "教务处" },
            digestAt, OutboxState.Sent, OutboxOutcome.Delivered));
        var slots = bot.Get<ISlotStore>();
        slots.Record(new SlotRecord { Id = slot, Source = "reminder", At = at, RecordedAt = at.AddSeconds(40), Result = "sent" });
        slots.Record(new SlotRecord { Id = $"digest|{day:yyyy-MM-dd}", Source = "digest", At = digestAt, RecordedAt = digestAt.AddSeconds(2), Result = "sent" });
    }

    private static OutboxJob Job(string id, string topic, OutboxRecipient recipient, DateTime at, OutboxState state, OutboxOutcome outcome) => new()
    {
        Id = id, Topic = topic, Recipient = recipient, Payload = "{\"text\":\"每日报送进展\"}", State = state, Outcome = outcome, Attempts = 1,
        OutcomeDetail = outcome == OutboxOutcome.Delivered ? null : $"{outcome}: 发送未完成", NextAttemptAt = at, CreatedAt = at, UpdatedAt = at.AddSeconds(3),
        SentAt = state == OutboxState.Sent ? at.AddSeconds(3) : null, ConversationId = recipient.ConversationId,
        ActivityId = state == OutboxState.Sent ? $"1:{at.Ticks:x}|{id}" : null,
    };

    private static void Exports(OfficeWorld bot)
    {
        var exports = bot.Get<IExportStore>();
        var at = FormsWorld.Beijing(2024, 5, 17, 16, 0).UtcDateTime;
        foreach (var (kind, name, n) in new[] { (ExportKind.Statistics, "情况统计表.xlsx", 0), (ExportKind.ReportRegister, "日报登记表.xlsx", 1), (ExportKind.MediaIndex, "媒体素材清单.xlsx", 2) })
        {
            exports.Add(new ExportRecord
            {
                Kind = kind, WeekId = bot.WeekId, WeekTitle = bot.Week.Definition.Title, FileName = name, Size = 48_213 + n, Sha256 = $"{n:x64}",
                CreatedAt = at.AddHours(n), RequestedByName = FormsWorld.Staff.Name, RequestedByTeamsId = FormsWorld.Staff.Id,
                RequestedByAadObjectId = FormsWorld.Staff.AadObjectId, Storage = ExportStorage.Local, Location = $"exports/{n}/{name}",
            });
        }
    }

    /// <summary>择优推荐 at the end of the week: the office's picks (one withdrawn) and liaisons' nominations (自荐).</summary>
    private static void Picks(IPickStore picks, ActiveWeek week, DateTime at)
    {
        var departments = week.Definition.Departments;
        for (var i = 0; i < departments.Count; i += 10)
        {
            var department = departments[i].Id;
            var source = i % 20 == 0 ? PickSource.Office : PickSource.Liaison;
            var kind = i % 30 == 0 ? PickKind.Story : PickKind.Case;
            picks.Put(new Pick
            {
                Id = Pick.IdOf(week.Definition.Id, source, Pick.ItemIdOf(department, "report:2024-05-14", kind, null)), WeekId = week.Definition.Id,
                Source = source, DepartmentId = department, ItemKey = "report:2024-05-14", Kind = kind, Reason = i % 40 == 0 ? "校企合作成效突出" : null,
                ByName = source == PickSource.Office ? FormsWorld.Staff.Name : departments[i].Liaisons[0].Name, At = at.AddMinutes(i),
            });
        }
        picks.Withdraw(week.Definition.Id, PickSource.Office, Pick.ItemIdOf(departments[20].Id, "report:2024-05-14", PickKind.Case, null), FormsWorld.Staff.Name, at.AddHours(1));
    }
}
