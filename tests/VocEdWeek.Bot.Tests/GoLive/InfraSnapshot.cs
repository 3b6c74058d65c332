using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.GoLive;

/// <summary>
/// What infra/main.bicep would deploy for one parameters file: <c>bicep snapshot</c> evaluates every expression it
/// can (parameters, names, resource ids, conditions) and leaves the ones that need Azure (reference(…)) as text.
/// Runs on a copy of infra/, since the CLI wants the parameters file beside the template and writes beside it.
/// </summary>
internal sealed class InfraSnapshot
{
    public const string TenantId = "7a3c4b1e-2d5f-4e6a-9b8c-0d1e2f3a4b5c";
    public const string SubscriptionId = "0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f";

    private InfraSnapshot(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public IEnumerable<JsonObject> Resources => Root["predictedResources"]!.AsArray().Select(r => r!.AsObject());

    public JsonObject Single(string type) => Assert.Single(Resources, r => (string?)r["type"] == type);

    public JsonObject AppSettings => Single("Microsoft.Web/sites/config")["properties"]!.AsObject();

    /// <summary>Snapshot of a committed parameters file (infra/main.public.bicepparam …), or of <paramref name="extraParams"/> written beside it.</summary>
    public static InfraSnapshot Of(string paramsFile, string? extraParams = null)
    {
        var (result, json) = Run(paramsFile, extraParams);
        Assert.True(result.ExitCode == 0, $"bicep snapshot {paramsFile} failed:\n{result.Output}\n{result.Error}");
        Assert.Empty(result.Diagnostics);
        return new InfraSnapshot(JsonNode.Parse(json!)!.AsObject());
    }

    /// <summary>The CLI's answer for a parameters file that should be refused.</summary>
    public static BicepCli.Result Refused(string extraParams)
    {
        var (result, _) = Run("refused.bicepparam", extraParams);
        Assert.NotEqual(0, result.ExitCode);
        return result;
    }

    private static (BicepCli.Result Result, string? Json) Run(string paramsFile, string? extraParams)
    {
        using var dir = new TempDir();
        CopyFolder(Path.Combine(RepoPaths.Root, "infra"), dir.Path);
        if (extraParams is not null) File.WriteAllText(Path.Combine(dir.Path, paramsFile), extraParams);
        var result = BicepCli.Run(dir.Path, "snapshot", paramsFile, "--mode", "overwrite",
            "--tenant-id", TenantId, "--subscription-id", SubscriptionId, "--resource-group", "vocedweek", "--location", "eastasia");
        var json = Path.Combine(dir.Path, Path.ChangeExtension(paramsFile, ".snapshot.json"));
        return (result, File.Exists(json) ? File.ReadAllText(json) : null);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
