using System.Text;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>The settings cards checked with the official npm packages: same expansion, valid, renderable, within 28 KB.</summary>
public sealed class SettingsSamplesTests(SettingsSamples samples) : IClassFixture<SettingsSamples>
{
    [Fact]
    public void EverySample_HasNothingLeftUnbound_AndFitsIn28KB()
    {
        Assert.Equal(5, samples.All.Count);
        foreach (var sample in samples.All)
        {
            Assert.DoesNotContain("${", CardJson.Show(sample.Card), StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetByteCount(sample.Card.ToJsonString());
            Assert.True(bytes <= CardBudget.MaxBytes, $"{sample.Name} is {bytes} bytes on the wire; Teams cards must stay within 28 KB.");
        }
    }

    [Fact]
    public void OurExpansion_MatchesAdaptiveCardsTemplating() => CardSampleChecks.ExpansionMatchesNpm(samples.All, "settings");

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => CardSampleChecks.ParserFindsNothing([.. samples.Files]);

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => CardSampleChecks.RendersToPng(samples.All, [.. samples.Files], "settings");
}
