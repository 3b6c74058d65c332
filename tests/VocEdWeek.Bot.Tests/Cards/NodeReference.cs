using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// Runs tests/cards-js/expand.mjs (the official adaptivecards-templating package) once over all
/// template cases. Never skips: without Node.js or node_modules every parity test fails saying so.
/// </summary>
public sealed class NodeReference
{
    private readonly Dictionary<string, JsonObject> _results = [];
    private readonly string? _unavailable;

    public NodeReference()
    {
        try
        {
            Run();
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or IOException)
        {
            _unavailable = e.Message;
        }
    }

    /// <summary>The reference result for a case: ("result", node) or ("error", message).</summary>
    public (JsonNode? Result, string? Error) Get(string caseName)
    {
        if (_unavailable is not null) Assert.Fail(_unavailable);
        var entry = _results[caseName];
        return entry.ContainsKey("error") ? (null, entry["error"]!.GetValue<string>()) : (entry["result"]?.DeepClone(), null);
    }

    private void Run()
    {
        var expandScript = Path.Combine(RepoPaths.CardsJs, "expand.mjs");
        var templatingPackage = Path.Combine(RepoPaths.CardsJs, "node_modules", "adaptivecards-templating", "package.json");
        if (!File.Exists(templatingPackage))
        {
            throw new InvalidOperationException(
                $"The npm reference packages are not installed: run `npm ci` in tests/cards-js ({RepoPaths.CardsJs}).");
        }

        var batch = new JsonObject
        {
            ["cases"] = new JsonArray(TemplateCase.All.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["template"] = c.Template?.DeepClone(),
                ["data"] = c.Data?.DeepClone(),
            }).ToArray()),
        };
        var input = Path.Combine(Path.GetTempPath(), $"template-cases-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, batch.ToJsonString(), new UTF8Encoding(false));
        try
        {
            var output = RunNode(expandScript, input);
            foreach (var entry in JsonNode.Parse(output)!.AsArray())
            {
                _results[entry!["name"]!.GetValue<string>()] = entry.AsObject();
            }
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string RunNode(string script, string input)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.CardsJs,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(input);
        // Number formatting in adaptive-expressions follows the process locale; the C# engine mirrors en-US.
        start.Environment["LC_ALL"] = "en_US.UTF-8";
        start.Environment["LANG"] = "en_US.UTF-8";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("node expand.mjs did not finish within 120 s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"node expand.mjs failed (exit {process.ExitCode}); if packages are missing run `npm ci` in tests/cards-js.\n{stderr.Result}");
        }
        return stdout.Result;
    }
}
