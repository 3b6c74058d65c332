using System.Diagnostics.Metrics;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Operations.Metrics;

/// <summary>
/// The bot's own instruments, on one meter named <see cref="MeterName"/>. Made through <see cref="IMeterFactory"/> so each
/// host (and each test's bot) has its own meter; tag values are fixed words (kinds, outcomes), never user data.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "VocEdWeek.Bot";

    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _turnAge;
    private readonly UpDownCounter<long> _turnsInFlight;
    private readonly Counter<long> _outbox;
    private readonly Counter<long> _reminders;
    private readonly Counter<long> _filesStored;
    private readonly Counter<long> _sharePointUploads;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _turnDuration = meter.CreateHistogram<double>("vocedweek.turn.duration", "s", "Time the app took to handle one turn, by kind and outcome.");
        _turnAge = meter.CreateHistogram<double>("vocedweek.turn.age", "s", "How long after the user acted a turn started (a queue in front of the app shows here).");
        _turnsInFlight = meter.CreateUpDownCounter<long>("vocedweek.turns.in_flight", "{turn}", "Turns started and not yet ended.");
        _outbox = meter.CreateCounter<long>("vocedweek.outbox.messages", "{message}", "Proactive send attempts, by topic and outcome.");
        _reminders = meter.CreateCounter<long>("vocedweek.reminders.sent", "{message}", "Reminders delivered to a liaison.");
        _filesStored = meter.CreateCounter<long>("vocedweek.files.stored", "{file}", "Files received and stored locally, by kind.");
        _sharePointUploads = meter.CreateCounter<long>("vocedweek.sharepoint.uploads", "{file}", "SharePoint upload attempts, by outcome.");
    }

    public void Turn(TurnKind kind, TimeSpan elapsed, bool failed) =>
        _turnDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("turn.kind", Snake(kind.ToString())),
            new KeyValuePair<string, object?>("turn.outcome", failed ? "error" : "ok"));

    public void TurnAge(TimeSpan age) => _turnAge.Record(age.TotalSeconds);

    public void TurnStarted() => _turnsInFlight.Add(1);

    public void TurnEnded() => _turnsInFlight.Add(-1);

    public void OutboxFinished(string topic, OutboxState state, OutboxOutcome outcome)
    {
        _outbox.Add(1,
            new KeyValuePair<string, object?>("outbox.topic", topic),
            new KeyValuePair<string, object?>("outbox.outcome", Snake(outcome.ToString())),
            new KeyValuePair<string, object?>("outbox.state", Snake(state.ToString())));
        if (topic == ReminderSender.Topic && outcome == OutboxOutcome.Delivered) _reminders.Add(1);
    }

    public void FileStored(MediaKind kind) =>
        _filesStored.Add(1, new KeyValuePair<string, object?>("file.kind", Snake(kind.ToString())));

    /// <param name="outcome">uploaded, retry, throttled, refused or local_missing.</param>
    public void SharePointUpload(string outcome) =>
        _sharePointUploads.Add(1, new KeyValuePair<string, object?>("upload.outcome", outcome));

    /// <summary>CardAction → card_action, the usual spelling of OpenTelemetry attribute values.</summary>
    internal static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
