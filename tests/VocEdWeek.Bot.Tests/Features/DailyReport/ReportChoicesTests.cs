using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.DailyReport;

/// <summary>A submit looks up only the activities it ticks, reading the stored versions until they are all found.</summary>
public sealed class ReportChoicesTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 5, 14);
    private readonly FormsWorld _world = new(Beijing(2024, 5, 13, 10, 0));

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Find_GivesWhatForOffers_ReadingOnlyAsFarAsItNeeds()
    {
        await FormSteps.SubmitPlanAsync(_world);
        await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport()); // 5月13日: an activity typed in
        _world.SetBeijing(5, 14, 10, 0);
        var s = await SessionAsync();
        var counting = new CountingSubmissionStore(_world.Store);
        var choices = new ReportChoices(counting);
        var planned = FormJson.Deserialize<PlanData>(_world.Store.Current("2024-wuxi", "jd", "plan")!.Data).Activities[0].Id;
        var added = ReportChoices.NewActivityId("“工匠进校园”专题讲座");
        var offered = choices.For(s, Day);
        Assert.Equal([planned, added], offered.Select(c => c.Id));
        var all = counting.CurrentReads;

        Assert.Empty(Reads(counting, () => choices.Find(s, Day, []), out var none));
        Assert.Equal(0, none);

        var plan = Reads(counting, () => choices.Find(s, Day, [planned]), out var planReads);
        Assert.Equal(offered[0], plan[planned]);
        Assert.Equal(1, planReads);

        var both = Reads(counting, () => choices.Find(s, Day, [added, planned]), out var bothReads);
        Assert.Equal(offered[1], both[added]);
        Assert.Equal(offered[0], both[planned]);
        Assert.True(bothReads < all, $"{bothReads} reads, all {all}"); // stops at 5月13日, before reading 5月14日

        Assert.Empty(Reads(counting, () => choices.Find(s, Day, ["n-forged"]), out var unknownReads));
        Assert.Equal(all, unknownReads);
    }

    private static IReadOnlyDictionary<string, ReportChoices.Choice> Reads(
        CountingSubmissionStore counting, Func<IReadOnlyDictionary<string, ReportChoices.Choice>> find, out int reads)
    {
        var before = counting.CurrentReads;
        var result = find();
        reads = counting.CurrentReads - before;
        return result;
    }

    private async Task<FormSession> SessionAsync()
    {
        var turn = _world.Build(Liaison, TurnKind.CardAction, "zh-CN", "", null);
        return await _world.Get<FormAccess>().StartAsync(turn, CancellationToken.None) ?? throw new InvalidOperationException("No session.");
    }
}
