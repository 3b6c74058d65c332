using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Digest;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>The delivery cards checked with the official npm packages: same expansion, valid, renderable, within 28 KB.</summary>
public sealed class DeliverySamplesTests(DeliverySamples samples) : IClassFixture<DeliverySamples>
{
    [Fact]
    public void EveryDeliveryTemplate_HasSamples_UnderTheBudget_WithNothingLeftUnbound()
    {
        Assert.Superset(samples.All.Select(s => s.Template).ToHashSet(), new HashSet<string> { "reminder", "remind-receipt", "reminder-log", "digest" });
        Assert.Contains(samples.All, s => s.Name.StartsWith("digest-60dept", StringComparison.Ordinal));
        foreach (var sample in samples.All)
        {
            var json = CardJson.Show(sample.Card);
            Assert.DoesNotContain("${", json, StringComparison.Ordinal);
            Assert.True(DigestBudget.WireBytes(sample.Card) <= DigestBudget.MaxBytes, $"{sample.Name} is {DigestBudget.WireBytes(sample.Card)} bytes");
        }
    }

    [Fact]
    public void OurExpansion_MatchesAdaptiveCardsTemplating() => CardSampleChecks.ExpansionMatchesNpm(Samples, "delivery");

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => CardSampleChecks.ParserFindsNothing([.. samples.Files]);

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => CardSampleChecks.RendersToPng(Samples, [.. samples.Files], "delivery");

    private IReadOnlyList<CardSample> Samples => [.. samples.All.Select(s => new CardSample(s.Name, s.Template, s.Data, s.Card))];
}
