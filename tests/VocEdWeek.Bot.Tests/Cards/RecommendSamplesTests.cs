using System.Text;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>The 择优推荐 / 自荐 cards checked with the official npm packages, and what they tell the office and the liaison.</summary>
public sealed class RecommendSamplesTests(RecommendSamples samples) : IClassFixture<RecommendSamples>
{
    [Fact]
    public void The_office_sees_the_nomination_first_the_pick_marked_and_liaison_words_as_text()
    {
        var text = CardJson.Show(samples["office.zh"].Card);
        var nominated = text.IndexOf("**设计艺术学院** · 5月13日（周一） · 典型职教故事 · 自荐", StringComparison.Ordinal);
        var picked = text.IndexOf("**机电工程学院** · 5月14日（周二） · 典型活动案例 · ★ 已推荐", StringComparison.Ordinal);
        Assert.True(nominated >= 0 && picked > nominated, text);
        Assert.Contains("已推荐 2 项，撤回 0 项。", text, StringComparison.Ordinal);
        Assert.Contains("信息学院开放日吸引三百名市民 \\\\[现场\\\\] \\\\*直播\\\\*", text, StringComparison.Ordinal);
        Assert.Contains("开幕式 (1).jpg", text, StringComparison.Ordinal);
        Assert.Contains("Typical case", CardJson.Show(samples["office.en"].Card), StringComparison.Ordinal);
        Assert.DoesNotContain("**信息工程学院**", CardJson.Show(samples["office-filtered.zh"].Card), StringComparison.Ordinal);
        Assert.False(CardJson.HasInput(samples["liaison.zh"].Card, "department"));
        Assert.Contains("没有符合条件的候选材料", CardJson.Show(samples["empty.zh"].Card), StringComparison.Ordinal);
    }

    [Fact]
    public void EverySample_HasNothingLeftUnbound_AndFitsIn28KB()
    {
        Assert.Equal(5, samples.All.Count);
        foreach (var sample in samples.All)
        {
            Assert.DoesNotContain("${", CardJson.Show(sample.Card), StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetByteCount(sample.Card.ToJsonString());
            Assert.True(bytes <= CardBudget.MaxBytes, $"{sample.Name} is {bytes} bytes; Teams cards must stay within 28 KB.");
        }
    }

    [Fact]
    public void OurExpansion_MatchesAdaptiveCardsTemplating() => CardSampleChecks.ExpansionMatchesNpm(samples.All, "recommend");

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => CardSampleChecks.ParserFindsNothing([.. samples.Files]);

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => CardSampleChecks.RendersToPng(samples.All, [.. samples.Files], "recommend");
}
