using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>The office cards, filled as staff see them, checked with the official npm packages: same expansion, valid, renderable, within 28 KB.</summary>
public sealed class OfficeSamplesTests(OfficeSamples samples) : IClassFixture<OfficeSamples>
{
    [Fact]
    public void EveryOfficeSample_HasNothingLeftUnbound_AndFitsIn28KB()
    {
        Assert.Superset(samples.All.Select(s => s.Template).ToHashSet(), new HashSet<string> { "missing", "progress" });
        foreach (var sample in samples.All)
        {
            Assert.DoesNotContain("${", CardJson.Show(sample.Card), StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetByteCount(sample.Card.ToJsonString());
            Assert.True(bytes <= CardBudget.MaxBytes, $"{sample.Name} is {bytes} bytes on the wire; Teams cards must stay within 28 KB.");
            Assert.True(File.Exists(Path.Combine(OfficeSamples.Folder, $"office-{sample.Name}.json")));
        }
    }

    [Fact]
    public void OurExpansion_MatchesAdaptiveCardsTemplating() => CardSampleChecks.ExpansionMatchesNpm(Samples, "office");

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => CardSampleChecks.ParserFindsNothing([.. samples.Files]);

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => CardSampleChecks.RendersToPng(Samples, [.. samples.Files], "office");

    private IReadOnlyList<CardSample> Samples => [.. samples.All.Select(s => new CardSample(s.Name, s.Template, s.Data, s.Card))];
}
