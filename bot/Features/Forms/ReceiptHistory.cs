using System.Collections.Concurrent;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>
/// What a receipt shows of its slot's history: when version 1 came in (on time or late is judged by it), how many
/// versions there are and the newest <see cref="Shown"/>. Kept per slot, so a submit's receipt does not read every
/// version of the slot again (that read grew with each version and was a third of the receipt's cost).
/// Exact because versions never change once stored and are numbered 1, 2, … per slot with no gap: what is kept for
/// versions 1..n plus the version n+1 just stored is the history up to n+1. Any other case — a version this process
/// did not see (another instance, another writer), a repeated click, nothing kept — reads the history as before.
/// </summary>
public sealed class ReceiptHistory(ISubmissionStore store)
{
    public const int Shown = 10;

    // A slot is one department's one item of one week (a college's week: a few hundred; 2,000 departments: ~20,000),
    // about 1 KB each kept. Past this many the kept slots are dropped at once (and read again as they come), so memory
    // stays bounded (~20 MB at most) across weeks.
    private const int MaxSlots = 20_000;

    private readonly ConcurrentDictionary<string, SlotHistory> _slots = new(StringComparer.Ordinal);

    /// <summary>The history for the receipt of <paramref name="stored"/>, version 1 first.</summary>
    /// <param name="duplicate">A repeated click answered with the version stored before: read as it is now.</param>
    public SlotHistory Of(Submission stored, bool duplicate)
    {
        var slot = stored.Slot;
        if (!duplicate)
        {
            // A first version is its slot's whole history (one stored after it is not this receipt's): no query.
            if (stored.Version == 1) return Keep(slot, SlotHistory.First(stored));
            if (_slots.TryGetValue(slot, out var known))
            {
                if (known.Count == stored.Version) return known;
                if (known.Count == stored.Version - 1) return Keep(slot, known.Then(stored));
            }
        }
        var read = store.History(stored.WeekId, stored.DepartmentId, stored.ItemKey);
        if (read.Count == 0) return SlotHistory.First(stored);
        var history = SlotHistory.Of(read);
        // Kept only when it is the whole run 1..n (a read racing a write of the slot is still whole: versions commit in order).
        return read[0].Version == 1 && read[^1].Version == read.Count ? Keep(slot, history) : history;
    }

    /// <summary>Slots kept now (for tests).</summary>
    public int Count => _slots.Count;

    private SlotHistory Keep(string slot, SlotHistory history)
    {
        if (_slots.Count >= MaxSlots) _slots.Clear();
        // Two receipts of one slot may finish in any order: the longer history stays.
        _slots.AddOrUpdate(slot, history, (_, old) => old.Count >= history.Count ? old : history);
        return history;
    }
}
