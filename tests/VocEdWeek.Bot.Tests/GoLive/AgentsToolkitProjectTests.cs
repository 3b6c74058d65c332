using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.GoLive;

/// <summary>
/// infra/m365agents.yml (Microsoft 365 Agents Toolkit) runs the same lifecycle as the README's Azure CLI path, and
/// everything it names exists: files, template parameters and outputs, manifest placeholders, environment variables.
/// </summary>
public sealed partial class AgentsToolkitProjectTests
{
    private static string Infra => Path.Combine(RepoPaths.Root, "infra");
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(Infra, "m365agents.yml"));

    [Fact]
    public void Provision_and_deploy_run_the_required_actions_in_order()
    {
        Assert.Contains(Lines, l => VersionLine().IsMatch(l));
        Assert.Equal(
            ["arm/deploy", "teamsApp/create", "teamsApp/validateManifest", "teamsApp/zipAppPackage", "teamsApp/update"],
            Actions("provision").Where(a => a is not ("script" or "teamsApp/validateAppPackage")));
        Assert.Equal(["cli/runDotnetCommand", "azureAppService/zipDeploy"], Actions("deploy"));
        Assert.Contains(Lines, l => l.Contains("args: publish bot/VocEdWeek.Bot.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_file_it_names_exists()
    {
        var paths = Lines.Select(l => PathLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("./main.bicep", paths);
        Assert.Contains("../manifest/manifest.json", paths);
        Assert.All(paths, p => Assert.True(File.Exists(Path.Combine(Infra, p)), $"{p} (relative to infra/) does not exist"));
    }

    [Fact]
    public void Template_parameters_outputs_and_manifest_placeholders_all_line_up()
    {
        var template = BicepCli.Run(Infra, "build", "main.bicep", "--stdout");
        Assert.Equal(0, template.ExitCode);
        var arm = JsonNode.Parse(template.Output)!;
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(Infra, "m365agents.parameters.json")))!["parameters"]!.AsObject();
        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.True(arm["parameters"]!.AsObject().ContainsKey(p.Key), $"main.bicep has no parameter {p.Key}"));

        // The toolkit writes each template output to the environment under its upper-cased name.
        var known = arm["outputs"]!.AsObject().Select(o => o.Key.ToUpperInvariant())
            .Concat(EnvSample().Keys)
            .Concat(Lines.Select(l => SetEnv().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value))
            .Concat(Lines.Select(l => WrittenEnv().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("BOTAPPID", known);

        var used = new[] { Path.Combine(Infra, "m365agents.yml"), Path.Combine(Infra, "m365agents.parameters.json"),
                Path.Combine(RepoPaths.Root, "manifest", "manifest.json"), Path.Combine(RepoPaths.Root, "manifest", "en-us.json") }
            .SelectMany(f => Placeholder().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Name: m.Groups[1].Value)));
        Assert.Equal([], used.Where(u => !known.Contains(u.Name)).Distinct());
    }

    [Fact]
    public void The_sample_environment_holds_no_secret()
    {
        var filled = EnvSample().Where(e => e.Value.Length > 0).Select(e => e.Key).Order();
        Assert.Equal(["BOT_CLOUD", "TEAMSFX_ENV"], filled);
    }

    private static Dictionary<string, string> EnvSample() =>
        File.ReadAllLines(Path.Combine(Infra, "env", ".env.dev.sample"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    private static List<string> Actions(string stage)
    {
        var start = Array.FindIndex(Lines, l => l == stage + ":");
        Assert.True(start >= 0, $"no top-level '{stage}:' in m365agents.yml");
        return Lines.Skip(start + 1)
            .TakeWhile(l => l.Length == 0 || char.IsWhiteSpace(l[0]) || l.StartsWith('#'))
            .Select(l => UsesLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .ToList();
    }

    [GeneratedRegex(@"^version: v1\.\d+$")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^\s+- uses: (\S+)\s*$")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"^\s+-?\s*(?:path|parameters|manifestPath): (\S+)\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"::set-teamsfx-env ([A-Z_][A-Z0-9_]*)=")]
    private static partial Regex SetEnv();

    [GeneratedRegex(@"^\s+[A-Za-z]+: ([A-Z][A-Z0-9_]*)\s*$")]
    private static partial Regex WrittenEnv();
}
