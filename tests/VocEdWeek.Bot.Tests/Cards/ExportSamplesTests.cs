using System.Text;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>The export cards checked with the official npm packages: same expansion, valid, renderable, within 28 KB.</summary>
public sealed class ExportSamplesTests(ExportSamples samples) : IClassFixture<ExportSamples>
{
    [Fact]
    public void EveryExportSample_HasNothingLeftUnbound_AndFitsIn28KB()
    {
        Assert.Equal(7, samples.All.Count);
        foreach (var sample in samples.All)
        {
            Assert.DoesNotContain("${", CardJson.Show(sample.Card), StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetByteCount(sample.Card.ToJsonString());
            Assert.True(bytes <= CardBudget.MaxBytes, $"{sample.Name} is {bytes} bytes; Teams cards must stay within 28 KB.");
        }
    }

    [Fact]
    public void OurExpansion_MatchesAdaptiveCardsTemplating() => CardSampleChecks.ExpansionMatchesNpm(samples.All, "export");

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => CardSampleChecks.ParserFindsNothing([.. samples.Files]);

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => CardSampleChecks.RendersToPng(samples.All, [.. samples.Files], "export");
}
