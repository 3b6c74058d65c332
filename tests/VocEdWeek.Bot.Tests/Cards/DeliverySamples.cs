using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Digest;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Digest;
using VocEdWeek.Bot.Weeks;
using static VocEdWeek.Bot.Tests.Fakes.DeliveryWorld;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// The delivery cards (1:1 reminders, the one-click receipt, the reminder log, digests) filled as the office
/// would see them, written expanded to artifacts/cards/delivery-*.json for the node checks.
/// </summary>
public sealed class DeliverySamples
{
    public sealed record Sample(string Name, string Template, JsonObject Data, JsonObject Card);

    private readonly List<Sample> _samples = [];

    public DeliverySamples()
    {
        BuildAsync().GetAwaiter().GetResult();
        Files = CardSampleChecks.Write("delivery", _samples.Select(s => (s.Name, s.Card)));
    }

    public static string Folder => CardSampleChecks.Folder;

    public IReadOnlyList<Sample> All => _samples;

    public IReadOnlyList<string> Files { get; }

    private async Task BuildAsync()
    {
        using (var world = new DeliveryWorld(Beijing(5, 14, 10, 0)))
        {
            var week = world.Week;
            var jd = week.Department("jd")!;
            var report = Report(5, 14);
            Add(world, "reminder.zh", "reminder", ReminderCard.Data(week, new ReminderTarget(jd, jd.Liaisons[0], [report]), false, "吴苏玲", Strings.For("zh-CN")));
            Add(world, "reminder-plan.zh", "reminder", ReminderCard.Data(week, new ReminderTarget(jd, jd.Liaisons[0], [new WeekItem(ItemKind.Plan), Report(5, 12)]), false, null, Strings.For("zh-CN")));
            Add(world, "reminder-late.en", "reminder", ReminderCard.Data(week, new ReminderTarget(jd, jd.Liaisons[0], [report]), true, null, Strings.For("en-US")));

            // The receipt and the log after one click with every kind of outcome.
            world.Talked("11a150a0-0000-4000-8000-000000000001");
            world.Messenger.CannotOpen.Add("11a150a0-0000-4000-8000-000000000002");
            world.Messenger.Answer(world.Talked("11a150a0-0000-4000-8000-000000000005"),
                ScriptedMessenger.Error(403, "ConversationBlockedByUser", DeliveryStatus.RecipientGone));
            var targets = ReminderTarget.Missing(world.Get<VocEdWeek.Bot.Progress.ProgressService>().ForWeek(week), [report], true);
            var dispatched = world.Get<ReminderSender>().Dispatch(week, targets, new ReminderTrigger(ReminderTrigger.Click, null, "吴苏玲", ServiceUrl, Tenant), world.Clock.GetUtcNow());
            var done = await world.Get<VocEdWeek.Bot.Outbox.OutboxQueue>().SendNowAsync(dispatched.Select(d => d.Job!.Id).ToList(), TimeSpan.FromSeconds(5), CancellationToken.None);
            var final = dispatched.Select(d => d with { Job = done.Single(j => j.Id == d.Job!.Id) }).ToList();
            Add(world, "remind-receipt.zh", "remind-receipt", RemindReceiptCard.Data(week, report, final, world.Get<ReminderOptions>(), Strings.For("zh-CN")));
            Add(world, "remind-receipt.en", "remind-receipt", RemindReceiptCard.Data(week, report, final, world.Get<ReminderOptions>(), Strings.For("en-US")));
            world.SetBeijing(5, 14, 11, 0);
            await world.TickAsync();
            var logCard = world.Get<ReminderLogCard>();
            Add(world, "reminder-log.zh", "reminder-log", logCard.Data(week, world.Get<IReminderLogStore>().Recent(week.Definition.Id, 20), 20, world.Clock.GetUtcNow(), Strings.For("zh-CN")));
        }

        using (var world = DigestTests.FiveDepartments())
        {
            AddDigest(world, "digest.zh", new DateOnly(2024, 5, 14));
        }
        using (var world = new DeliveryWorld(Beijing(5, 13, 12, 5), week: GeneratedWeeks.WithDepartments(5, "en-US")))
        {
            world.Submit("d0001", Report(5, 12), Beijing(5, 12, 10, 0));
            world.Submit("d0001", Report(5, 13), Beijing(5, 13, 11, 0));
            world.Submit("d0002", Report(5, 13), Beijing(5, 13, 12, 3));
            AddDigest(world, "digest.en", new DateOnly(2024, 5, 13));
        }
        using (var world = new DeliveryWorld(Beijing(5, 16, 12, 5), week: GeneratedWeeks.WithDepartments(60)))
        {
            for (var d = 1; d <= 60; d++)
            {
                for (var day = 12; day <= 16; day++)
                {
                    if (d % 6 == 0 && day >= 15) continue;
                    world.Submit($"d{d:D4}", Report(5, day), Beijing(5, day, d % 9 == 0 ? 13 : 10, 0));
                }
            }
            AddDigest(world, "digest-60dept.zh", new DateOnly(2024, 5, 16));
        }
    }

    private void AddDigest(DeliveryWorld world, string name, DateOnly day)
    {
        var model = world.Get<DigestBuilder>().Build(world.Week, day, world.Clock.GetUtcNow());
        var parts = world.Get<DigestCards>().Parts(model);
        // The bot passes the texts apart from the data; the npm templating reads them as data["t"].
        var t = Strings.For(world.Week.Definition.Locale);
        for (var i = 0; i < parts.Count; i++)
        {
            var data = (JsonObject)parts[i].Data.DeepClone();
            data["t"] = t.AsJson();
            _samples.Add(new Sample(parts.Count == 1 ? name : $"{name}-part{i + 1}", "digest", data, parts[i].Card));
        }
    }

    private void Add(DeliveryWorld world, string name, string template, JsonObject data)
    {
        var t = Strings.For(name.EndsWith(".en", StringComparison.Ordinal) ? "en-US" : "zh-CN");
        data["t"] ??= t.AsJson();
        _samples.Add(new Sample(name, template, data, world.Get<CardTemplates>().Render(template, data)));
    }
}
