using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>A filled card: the template it came from, the data, and what our engine made of it.</summary>
public sealed record CardSample(string Name, string Template, JsonObject Data, JsonObject Card);

/// <summary>
/// The checks every feature's sample cards go through with the official npm packages: our expansion equals
/// adaptivecards-templating's, the adaptivecards parser finds nothing wrong, and Chromium renders a PNG.
/// Each feature checks only its own cards (files named "{prefix}-{name}"), so a problem shows where it is.
/// </summary>
public static class CardSampleChecks
{
    /// <summary>Where the expanded samples are written for the node checks and for people to look at.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "artifacts", "cards");

    /// <summary>Writes the samples expanded as <c>artifacts/cards/{prefix}-{name}.json</c>, replacing that prefix's old ones; returns the paths.</summary>
    public static IReadOnlyList<string> Write(string prefix, IEnumerable<(string Name, JsonObject Card)> samples)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in Directory.EnumerateFiles(Folder, $"{prefix}-*.json")) File.Delete(old);
        var files = new List<string>();
        foreach (var (name, card) in samples)
        {
            files.Add(Path.Combine(Folder, $"{prefix}-{name}.json"));
            File.WriteAllText(files[^1], CardJson.Show(card), new UTF8Encoding(false));
        }
        return files;
    }

    public static void ExpansionMatchesNpm(IReadOnlyList<CardSample> samples, string prefix)
    {
        var batch = new JsonObject
        {
            ["cases"] = new JsonArray(samples.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["template"] = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "cards", s.Template + ".json"))),
                ["data"] = s.Data.DeepClone(),
            }).ToArray()),
        };
        var input = Path.Combine(Path.GetTempPath(), $"{prefix}-samples-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, batch.ToJsonString(), new UTF8Encoding(false));
        try
        {
            var result = NodeScript.Run("expand.mjs", input);
            Assert.True(result.ExitCode == 0, result.Error);
            var expected = JsonNode.Parse(result.Output)!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!);
            foreach (var sample in samples)
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

    public static void ParserFindsNothing(IReadOnlyList<string> files)
    {
        var result = NodeScript.Run("validate.mjs", [.. files]);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains($"{files.Count} card(s), 0 error(s), 0 warning(s)", result.Output);
    }

    public static void RendersToPng(IReadOnlyList<CardSample> samples, IReadOnlyList<string> files, string prefix)
    {
        var staging = Path.Combine(Path.GetTempPath(), $"{prefix}-cards-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var output = Path.Combine(RepoPaths.Root, "artifacts", "cards-png");
        try
        {
            foreach (var file in files) File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            var result = NodeScript.Run("render.mjs", staging, output);
            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            foreach (var sample in samples)
            {
                var png = new FileInfo(Path.Combine(output, $"{prefix}-{sample.Name}.png"));
                Assert.True(png.Exists && png.Length > 5_000, $"{png.Name} missing or empty");
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
