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
        var input = Path.Combine(Path.GetTempPath(), $"office-samples-{Guid.NewGuid():N}.json");
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
        var staging = Path.Combine(Path.GetTempPath(), $"office-cards-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var output = Path.Combine(RepoPaths.Root, "artifacts", "cards-png");
        try
        {
            foreach (var file in samples.Files) File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            var result = NodeScript.Run("render.mjs", staging, output);
            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            foreach (var sample in samples.All)
            {
                var png = new FileInfo(Path.Combine(output, $"office-{sample.Name}.png"));
                Assert.True(png.Exists && png.Length > 5_000, $"{png.Name} missing or empty");
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
