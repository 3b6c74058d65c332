using System.Globalization;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Digest;

/// <summary>
/// The office channel's digest on each report day at <c>Digest:Times</c> (default 12:05 and 17:30), posted
/// through the outbox, split into several messages when it would not fit in one. Without a digest
/// channel the slot waits (within its grace period) for one to be set.
/// </summary>
public sealed class DigestSlots(DigestOptions options, SchedulingOptions scheduling, DigestBuilder builder, DigestCards cards,
    DigestChannelLocator channel, OutboxQueue outbox) : ISlotSource
{
    public const string Source = "digest";
    public const string Topic = "digest";
    private static readonly string[] DefaultTimes = ["12:05", "17:30"];

    private readonly IReadOnlyList<TimeOnly> _times = (options.Times ?? DefaultTimes).Select(Parse).ToList();

    public string Name => Source;

    public IEnumerable<ScheduledSlot> Slots(ActiveWeek week)
    {
        var calendar = week.Calendar;
        foreach (var day in calendar.Days)
        {
            foreach (var time in _times)
            {
                var local = day.ToDateTime(time);
                var key = $"{week.Definition.Id}|digest|{local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)}";
                yield return new ScheduledSlot(key, Source, calendar.ToInstant(local), scheduling.DigestGracePeriod, [new WeekItem(ItemKind.DailyReport, day)]);
            }
        }
    }

    public Task<SlotResult> RunAsync(ActiveWeek week, ScheduledSlot slot, DateTimeOffset now, CancellationToken ct)
    {
        if (channel.Find() is not { } to) return Task.FromResult(SlotResult.Later("no digest channel set"));
        var day = slot.Items[0].Day!.Value;
        var model = builder.Build(week, day, now);
        var parts = cards.Render(model);
        var t = Strings.For(week.Definition.Locale);
        var summary = t.Format("digest_summary", model.Title, model.Counts[0].Value, model.Counts[1].Value, model.Counts[2].Value);
        for (var i = 0; i < parts.Count; i++)
        {
            var message = new Conversation.OutgoingMessage { Cards = [parts[i]], Summary = summary };
            var job = outbox.NewJob($"digest|{slot.Key}|{to.ConversationId}|{i + 1}", Topic, OutboxRecipient.Conversation(to.ConversationId, "digest channel"), message);
            job.WeekId = week.Definition.Id;
            job.ItemKeys = [slot.Items[0].Key];
            outbox.Enqueue(job);
        }
        return Task.FromResult(SlotResult.Ran($"{parts.Count} message(s) to {to.ConversationId}"));
    }

    private static TimeOnly Parse(string text) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ConfigurationException($"Digest:Times: '{text}' is not a time like \"12:05\".");
}
