using System.Text.Json;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>
/// <c>Logging__Console__FormatterName=json</c> (ASP.NET Core's own console formatter) on the real process: every line
/// on stdout is one JSON object, up to "Now listening on"; without it the same line is plain text.
/// </summary>
public sealed class JsonConsoleLogTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_console_formatter_option_makes_every_log_line_a_json_object(bool json)
    {
        Dictionary<string, string> environment = new() { ["Office__AnnounceStartup"] = "false" };
        if (json) environment["Logging__Console__FormatterName"] = "json";
        var lines = new List<string>();
        using (var bot = BotProcess.Start(environment))
        {
            while (await bot.Stdout.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
            {
                if (line.Length == 0) continue;
                lines.Add(line);
                if (line.Contains("Now listening on", StringComparison.Ordinal)) break;
            }
        }

        var listening = Assert.Single(lines, l => l.Contains("Now listening on", StringComparison.Ordinal));
        if (!json)
        {
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(lines[0]));
            return;
        }
        foreach (var line in lines)
        {
            using var parsed = JsonDocument.Parse(line);
            Assert.True(parsed.RootElement.TryGetProperty("LogLevel", out _), line);
        }
        using var entry = JsonDocument.Parse(listening);
        Assert.Equal("Microsoft.Hosting.Lifetime", entry.RootElement.GetProperty("Category").GetString());
        Assert.StartsWith("Now listening on: http://127.0.0.1:", entry.RootElement.GetProperty("Message").GetString());
    }
}
