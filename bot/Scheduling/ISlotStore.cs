namespace VocEdWeek.Bot.Scheduling;

/// <summary>Slots already dealt with, kept so a restart (or another instance) never runs one twice.</summary>
public interface ISlotStore
{
    bool IsDone(string key);

    /// <summary>Adds the slot, or overwrites the one with the same key.</summary>
    void Record(SlotRecord record);

    SlotRecord? Find(string key);

    /// <summary>Every slot dealt with, earliest first (by <see cref="SlotRecord.At"/>).</summary>
    IReadOnlyList<SlotRecord> All();
}
