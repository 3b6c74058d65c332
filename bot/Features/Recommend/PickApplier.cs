using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>What one submit changed: newly picked, withdrawn, and items that are no longer candidates (not picked).</summary>
public sealed record PickOutcome(int Picked, int Withdrawn, int Gone);

/// <summary>
/// Stores a submitted card's choices before anything is answered: a toggle on picks (a pick already active stays as it
/// was, so the same card submitted twice stores once), a toggle off withdraws. Only current candidates can be picked;
/// an item that left the candidates (report changed, file refused) can still be withdrawn.
/// </summary>
public sealed class PickApplier(IPickStore picks, TimeProvider time)
{
    public PickOutcome Apply(ActiveWeek week, PickSource source, Member member, PickChoice choice, IReadOnlyDictionary<string, Candidate> candidates)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var weekId = week.Definition.Id;
        int picked = 0, withdrawn = 0, gone = 0;
        foreach (var (itemId, on) in choice.Items)
        {
            if (!on)
            {
                if (picks.Withdraw(weekId, source, itemId, member.Person.Name, now)) withdrawn++;
                continue;
            }
            if (!candidates.TryGetValue(itemId, out var c))
            {
                gone++;
                continue;
            }
            if (picks.Put(new Pick
            {
                WeekId = weekId, Source = source, DepartmentId = c.Department.Id, ItemKey = c.ItemKey, Kind = c.Kind, MediaId = c.MediaId,
                Reason = choice.Reason, ByName = member.Person.Name, ByAadObjectId = member.Person.AadObjectId, At = now,
            })) picked++;
        }
        return new PickOutcome(picked, withdrawn, gone);
    }
}
