using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Digest;
using VocEdWeek.Bot.Tests.Cards;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Delivery;

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
    public void OurExpansion_MatchesAdaptiveCardsTemplating()
    {
        var batch = new JsonObject
        {
            ["cases"] = new JsonArray(samples.All.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["template"] = JsonNode.Parse(File.ReadAllText(Path.Combine(Fakes.RepoPaths.Root, "cards", s.Template + ".json"))),
                ["data"] = s.Data.DeepClone(),
            }).ToArray()),
        };
        var input = Path.Combine(Path.GetTempPath(), $"delivery-samples-{Guid.NewGuid():N}.json");
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
        var staging = Path.Combine(Path.GetTempPath(), $"delivery-cards-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var output = Path.Combine(Fakes.RepoPaths.Root, "artifacts", "cards-png");
        try
        {
            foreach (var file in samples.Files) File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            var result = NodeScript.Run("render.mjs", staging, output);
            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            foreach (var sample in samples.All)
            {
                var png = new FileInfo(Path.Combine(output, $"delivery-{sample.Name}.png"));
                Assert.True(png.Exists && png.Length > 5_000, $"{png.Name} missing or empty");
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
