namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>Every reminder decision: the daily cap, the click cooldown and the "催报记录" card read it.</summary>
public interface IReminderLogStore
{
    /// <summary>Stores the entry under a new <see cref="ReminderLogEntry.Id"/> (set on it).</summary>
    void Add(ReminderLogEntry entry);

    /// <summary>The person's entries that carried a message (not skipped), on one local day.</summary>
    IReadOnlyList<ReminderLogEntry> SentOn(string weekId, string personKey, string localDay);

    /// <summary>The person's entries that carried a message since <paramref name="since"/> (inclusive).</summary>
    IReadOnlyList<ReminderLogEntry> SentSince(string weekId, string personKey, DateTimeOffset since);

    /// <summary>The week's latest <paramref name="count"/> entries, newest first.</summary>
    IReadOnlyList<ReminderLogEntry> Recent(string weekId, int count);

    /// <summary>The week's entries, earliest first.</summary>
    IReadOnlyList<ReminderLogEntry> All(string weekId);
}
