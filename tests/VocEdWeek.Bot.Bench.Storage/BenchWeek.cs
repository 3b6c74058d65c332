using VocEdWeek.Bot.Tests.Features.Office;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// The week every target holds: the tests' generated week (2024 Wuxi dates, <c>departments</c> departments) seeded as it
/// looks on Thursday 16 May at 11:00 Beijing time by <see cref="SampleWeeks.Submit"/>: plan and the first four days' reports
/// mostly in, today's from about half so far (the other half is the "who hasn't reported" answer), each as its form
/// stores it (<see cref="FormShapedStore"/>).
/// </summary>
public static class BenchWeek
{
    public static readonly DateTimeOffset Now = new(2024, 5, 16, 11, 0, 0, TimeSpan.FromHours(8));

    public const string TodayKey = "report:2024-05-16";

    /// <summary>Seeds the week in one transaction, each version with its form's data; the number of versions stored.</summary>
    public static int Seed(BenchStores stores) => SampleWeeks.Submit(new FormShapedStore(stores.Submissions, stores.Week), stores.Writes, stores.Week, Now);

    /// <summary>
    /// The liaisons who submit during the run: those of departments that have reported today already (so the missing list
    /// stays as seeded) and whom the bot recognises from the activity alone (an Entra object id in the roster).
    /// </summary>
    public static IReadOnlyList<(string Department, string Name, string AadObjectId)> Editors(BenchStores stores)
    {
        var times = stores.Submissions.Times(stores.Week.Definition.Id);
        return [.. stores.Week.Definition.Departments
            .Where(d => times.ContainsKey((d.Id, TodayKey)) && d.Liaisons[0].AadObjectId is not null)
            .Select(d => (d.Id, d.Liaisons[0].Name, d.Liaisons[0].AadObjectId!))];
    }
}
