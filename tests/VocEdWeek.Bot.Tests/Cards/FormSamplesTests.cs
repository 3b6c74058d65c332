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
    public void OurExpansion_MatchesAdaptiveCardsTemplating()
    {
        var batch = new JsonObject
        {
            ["cases"] = new JsonArray(samples.All.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["template"] = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "cards", s.Template + ".json"))),
                ["data"] = s.Data.DeepClone(),
            }).ToArray()),
        };
        var input = Path.Combine(Path.GetTempPath(), $"form-samples-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, batch.ToJsonString(), new UTF8Encoding(false));
        try
        {
            var result = NodeScript.Run("expand.mjs", input);
            Assert.True(result.ExitCode == 0, result.Error);
            var expected = JsonNode.Parse(result.Output)!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!);
            foreach (var sample in samples.All)
            {
                Assert.Null(expected[sample.Name]!["error"]);
                JsonAssert.Equal(expected[sample.Name]!["result"], sample.Card, $"{sample.Name}: ");
            }
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings()
    {
        var result = NodeScript.Run("validate.mjs", [.. samples.Files]);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains($"{samples.All.Count} card(s), 0 error(s), 0 warning(s)", result.Output);
    }

    [Fact]
    public void EveryCard_RendersToPng_InChromium()
    {
        // Only this feature's cards, so another card's problem does not show up here.
        var staging = Path.Combine(Path.GetTempPath(), $"form-cards-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var output = Path.Combine(RepoPaths.Root, "artifacts", "cards-png");
        try
        {
            foreach (var file in samples.Files) File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            var result = NodeScript.Run("render.mjs", staging, output);
            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            foreach (var sample in samples.All)
            {
                var png = new FileInfo(Path.Combine(output, $"form-{sample.Name}.png"));
                Assert.True(png.Exists && png.Length > 5_000, $"{png.Name} missing or empty");
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
