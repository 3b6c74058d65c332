using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>
/// <c>check</c> through the function Program calls, against local fakes and the real bot on Kestrel: a correct
/// configuration passes every line; each misconfiguration is named with its fix and the setting to change.
/// </summary>
public sealed class CheckCommandTests : IClassFixture<CheckWorld>, IDisposable
{
    private readonly CheckWorld _world;
    private readonly TempDir _dir = new();

    public CheckCommandTests(CheckWorld world)
    {
        _world = world;
        _world.Reset();
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_correct_configuration_passes_every_check_and_exits_0()
    {
        var run = await _world.RunAsync(_world.Settings(), Manifest(CheckWorld.AppId, "127.0.0.1"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(9, run.Lines.Count(l => l.StartsWith('✓')));
        Assert.DoesNotContain(run.Lines, l => l.StartsWith('✗') || l.StartsWith('–'));
        Assert.Contains("1 signing key(s) endorsed for msteams", run.Line("OpenID metadata"), StringComparison.Ordinal);
        Assert.Contains("answers as this bot", run.Line("Public address"), StringComparison.Ordinal);
        Assert.Equal("9 checks: 9 passed, 0 failed, 0 skipped.", run.Lines[^1]);
        AssertNoSecret(run);
        // The token really came from the token endpoint, for the connector's scope; the probe file is gone again.
        Assert.Contains(_world.Tokens.Requests, r => r.Form.GetValueOrDefault("scope") == "https://api.botframework.com/.default");
        Assert.Contains(_world.Graph.Requests, r => r.Method == "DELETE");
        Assert.DoesNotContain(_world.Graph.Files.Keys, k => k.Contains("vocedweek-check", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metadata_that_cannot_be_fetched_names_the_metadata_setting()
    {
        _world.Identity.Unavailable = true;

        var run = await _world.RunAsync(_world.Settings());

        var line = run.Failure("OpenID metadata", "[ToBotFromChannelOpenIdMetadataUrl]");
        Assert.Contains("not reachable", line, StringComparison.Ordinal);
        Assert.Contains("allow outbound HTTPS", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharePoint_that_refuses_writes_names_the_permission_to_grant()
    {
        _world.Graph.ReadOnly = true;

        var run = await _world.RunAsync(_world.Settings());

        var line = run.Failure("SharePoint", "[MicrosoftAppId]");
        Assert.Contains("write a test file (403", line, StringComparison.Ordinal);
        Assert.Contains("Sites.Selected with the write role", line, StringComparison.Ordinal);
        Assert.Contains("Sites.ReadWrite.All", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharePoint_not_configured_is_a_skipped_line_that_does_not_fail()
    {
        var settings = _world.Settings();
        settings.Remove("SharePoint:SiteHostName");
        settings.Remove("SharePoint:SitePath");

        var run = await _world.RunAsync(settings);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("– SharePoint: not configured: files stay in Storage:Directory", run.Line("SharePoint"));
    }

    [Fact]
    public async Task A_public_address_that_answers_as_another_bot_is_caught()
    {
        // Another installation: its own storage folder, so its own signing key and instance id.
        var settings = _world.Settings();
        settings["Storage:Directory"] = _dir.Path;
        // On a PostgreSQL run the key is configured rather than kept in the folder: another installation has its own.
        if (settings.ContainsKey("Links:SigningKey")) settings["Links:SigningKey"] = TestStorage.NewSigningKey();

        var run = await _world.RunAsync(settings);

        var line = run.Failure("Public address", "[Links:PublicBaseUrl]");
        Assert.Contains("another VocEdWeek.Bot, not this one", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_public_address_is_refused()
    {
        var settings = _world.Settings();
        settings["Links:PublicBaseUrl"] = "http://bot.college.edu.cn";

        var run = await _world.RunAsync(settings);

        var line = run.Line("Public address");
        Assert.Contains("is not https", line, StringComparison.Ordinal);
        Assert.EndsWith("[Links:PublicBaseUrl]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_week_file_is_reported_with_its_line_and_field()
    {
        var week = Path.Combine(_dir.Path, "week.json");
        await File.WriteAllTextAsync(week, (await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "2024-wuxi.json")))
            .Replace("\"start\": \"2024-05-12\"", "\"start\": \"2024-05-32\"", StringComparison.Ordinal));
        var settings = _world.Settings();
        settings["Week:DefinitionFile"] = week;

        var run = await _world.RunAsync(settings);

        Assert.Equal(1, run.ExitCode);
        var line = run.Line("Week file");
        Assert.StartsWith("✗ Week file: Week file week.json, line ", line, StringComparison.Ordinal);
        Assert.Contains("field start", line, StringComparison.Ordinal);
        Assert.EndsWith("[Week:DefinitionFile]", line, StringComparison.Ordinal);
        // The bot itself would not start on it, and the start-up line says so.
        Assert.StartsWith("✗ Start-up settings: the bot would refuse to start: Week file week.json", run.Line("Start-up settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storage_folder_that_cannot_be_written_is_named()
    {
        // A path below a plain file: not a folder, whoever runs the check (root included).
        var file = Path.Combine(_dir.Path, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var settings = _world.Settings();
        settings["Storage:Directory"] = Path.Combine(file, "data");

        var run = await _world.RunAsync(settings);

        Assert.Equal(1, run.ExitCode);
        var line = run.Line("Storage");
        Assert.Contains("is not writable", line, StringComparison.Ordinal);
        Assert.Contains("give the bot's user write access", line, StringComparison.Ordinal);
        Assert.EndsWith("[Storage:Directory]", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, "ahead of")]
    [InlineData(-3, "behind")]
    public async Task A_clock_off_by_minutes_is_caught_without_waiting(int minutes, string direction)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(minutes));

        var run = await _world.RunAsync(_world.Settings(), clock: clock);

        Assert.Equal(1, run.ExitCode);
        var line = run.Line("Clock");
        Assert.StartsWith("✗", line, StringComparison.Ordinal);
        // The Date header has whole seconds: the skew is the set one within a second or two.
        var seconds = int.Parse(System.Text.RegularExpressions.Regex.Match(line, @"this machine is (\d+) s").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, Math.Abs(minutes) * 60 - 2, Math.Abs(minutes) * 60 + 2);
        Assert.Contains(direction, line, StringComparison.Ordinal);
        Assert.Contains("timedatectl set-ntp true", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clock_within_the_minute_passes()
    {
        var run = await _world.RunAsync(_world.Settings(), clock: new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(40)));

        Assert.StartsWith("✓ Clock: agrees with 127.0.0.1", run.Line("Clock"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_package_for_another_bot_is_caught()
    {
        var run = await _world.RunAsync(_world.Settings(), Manifest("0c9b7a55-1f1e-4c2d-8e3f-aa11bb22cc33", "127.0.0.1"));

        Assert.Equal(1, run.ExitCode);
        var line = run.Line("Teams app package");
        Assert.Contains($"bots[0].botId is 0c9b7a55-1f1e-4c2d-8e3f-aa11bb22cc33, but MicrosoftAppId is {CheckWorld.AppId}", line, StringComparison.Ordinal);
        Assert.EndsWith("[MicrosoftAppId]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_package_without_the_public_host_in_validDomains_is_caught()
    {
        var run = await _world.RunAsync(_world.Settings(), Manifest(CheckWorld.AppId, "bot.example.edu.cn"));

        var line = run.Line("Teams app package");
        Assert.Contains("validDomains lacks 127.0.0.1", line, StringComparison.Ordinal);
        Assert.EndsWith("[Links:PublicBaseUrl]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_that_does_not_load_exits_2_with_one_sentence()
    {
        var settings = _world.Settings();
        settings["Cloud"] = "Mars";

        var run = await _world.RunAsync(settings);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Lines);
        Assert.Contains("Cloud must be 'Public' or 'China', not 'Mars'.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_are_in_Chinese_by_default()
    {
        var settings = _world.Settings();
        settings.Remove("Office:Locale");

        var run = await _world.RunAsync(settings, Manifest(CheckWorld.AppId, "127.0.0.1"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("✓ OpenID 元数据：", run.Lines[1], StringComparison.Ordinal);
        Assert.Equal("共 9 项检查：9 项通过，0 项未通过，0 项跳过。", run.Lines[^1]);
    }

    [Fact]
    public async Task The_tabs_sign_in_app_and_Application_ID_URI_in_the_package_are_checked()
    {
        var host = new Uri(_world.PublicBaseUrl).Authority;
        var good = await _world.RunAsync(_world.Settings(), Manifest(CheckWorld.AppId, "127.0.0.1", new JsonObject { ["id"] = CheckWorld.AppId, ["resource"] = $"api://{host}/{CheckWorld.AppId}" }));
        Assert.True(good.ExitCode == 0, good.Output);

        var wrong = await _world.RunAsync(_world.Settings(), Manifest(CheckWorld.AppId, "127.0.0.1", new JsonObject { ["id"] = CheckWorld.AppId, ["resource"] = $"api://bot.example.edu.cn/{CheckWorld.AppId}" }));
        var line = wrong.Line("Teams app package");
        Assert.Contains($"webApplicationInfo.resource is api://bot.example.edu.cn/{CheckWorld.AppId}, but the bot accepts tab tokens for api://{host}/{CheckWorld.AppId}", line, StringComparison.Ordinal);
        Assert.EndsWith("[Links:PublicBaseUrl]", line, StringComparison.Ordinal);

        var settings = _world.Settings();
        settings["TabSso:ClientId"] = "b1e7c0de-5a5a-4c4c-9d9d-000000007ab5";
        var other = await _world.RunAsync(settings, Manifest(CheckWorld.AppId, "127.0.0.1", new JsonObject { ["id"] = CheckWorld.AppId, ["resource"] = $"api://{host}/{CheckWorld.AppId}" }));
        Assert.EndsWith("[TabSso:ClientId]", other.Line("Teams app package"), StringComparison.Ordinal);
    }

    private string Manifest(string botId, string domain, JsonObject? webApplicationInfo = null)
    {
        var path = Path.Combine(_dir.Path, $"appPackage-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
        var manifest = new JsonObject
        {
            ["manifestVersion"] = "1.30",
            ["id"] = botId,
            ["bots"] = new JsonArray(new JsonObject { ["botId"] = botId, ["scopes"] = new JsonArray("personal") }),
            ["validDomains"] = new JsonArray(domain),
        };
        if (webApplicationInfo is not null) manifest["webApplicationInfo"] = webApplicationInfo;
        writer.Write(manifest.ToJsonString());
        return path;
    }

    private static void AssertNoSecret(CheckRun run) => Assert.DoesNotContain(CheckWorld.Secret, run.Output, StringComparison.Ordinal);
}
