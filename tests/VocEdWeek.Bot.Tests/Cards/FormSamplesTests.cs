using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>The form cards, filled with realistic data, checked with the official npm packages: same expansion, valid, renderable.</summary>
public sealed class FormSamplesTests(FormSamples samples) : IClassFixture<FormSamples>
{
    [Fact]
    public void EveryFormTemplate_HasSamples_WithNothingLeftUnbound()
    {
        var templates = samples.All.Select(s => s.Template).ToHashSet();
        Assert.Superset(templates, new HashSet<string> { "plan-form", "daily-report-form", "statistics-form", "summary-form", "receipt", "my-submissions" });
        foreach (var sample in samples.All)
        {
            var json = CardJson.Show(sample.Card);
            Assert.DoesNotContain("${", json, StringComparison.Ordinal);
            Assert.True(json.Length < 28_000, $"{sample.Name} is {json.Length} characters; Teams cards should stay under 28 KB.");
            Assert.True(File.Exists(Path.Combine(FormSamples.Folder, $"form-{sample.Name}.json")));
        }
    }

    [Fact]
    public void OurExpansion_MatchesAdaptiveCardsTemplating() => CardSampleChecks.ExpansionMatchesNpm(Samples, "form");

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => CardSampleChecks.ParserFindsNothing([.. samples.Files]);

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => CardSampleChecks.RendersToPng(Samples, [.. samples.Files], "form");

    private IReadOnlyList<CardSample> Samples => [.. samples.All.Select(s => new CardSample(s.Name, s.Template, s.Data, s.Card))];
}
