using System.Collections.Immutable;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>One version as a receipt lists it.</summary>
public sealed record HistoryLine(int Version, DateTime SubmittedAt, string SubmittedByName);

/// <summary>
/// A slot's history as its receipt needs it: when version 1 came in, how many versions there are, the newest
/// <see cref="ReceiptHistory.Shown"/> of them (oldest first). Immutable: shared by the receipts that read it.
/// </summary>
public sealed record SlotHistory(DateTime FirstSubmittedAt, int Count, ImmutableArray<HistoryLine> Newest)
{
    public static SlotHistory First(Submission stored) => new(stored.SubmittedAt, 1, [Line(stored)]);

    /// <summary>From every version of the slot, version 1 first (the store's <c>History</c>).</summary>
    public static SlotHistory Of(IReadOnlyList<Submission> history) =>
        new(history[0].SubmittedAt, history.Count, [.. history.TakeLast(ReceiptHistory.Shown).Select(Line)]);

    /// <summary>This history with the next version added.</summary>
    public SlotHistory Then(Submission next)
    {
        var lines = Newest.Length < ReceiptHistory.Shown ? Newest : Newest.RemoveAt(0);
        return new(FirstSubmittedAt, Count + 1, lines.Add(Line(next)));
    }

    private static HistoryLine Line(Submission s) => new(s.Version, s.SubmittedAt, s.SubmittedByName);
}
