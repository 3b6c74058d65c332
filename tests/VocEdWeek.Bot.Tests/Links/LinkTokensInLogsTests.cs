using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Links;

/// <summary>
/// Tokens of signed links (dashboard, upload, download) sit in URLs; at the usual log level (Information, what the bot
/// runs with when nothing is configured) the bot's log never holds them — anyone reading the log could otherwise open
/// the office's dashboard or a department's upload page. (Trace-level framework logs and scopes do name paths.)
/// </summary>
public sealed class LinkTokensInLogsTests
{
    [Fact]
    public async Task Requests_with_link_tokens_are_not_logged_with_their_urls()
    {
        var lines = new ConcurrentQueue<string>();
        await using var bot = await TestHost.StartAsync(new TestHostOptions
        {
            Settings = new() { ["Logging:LogLevel:Default"] = "Information" },
            Services = s => s.AddLogging(l => l.AddProvider(new CapturingProvider(lines)).SetMinimumLevel(LogLevel.Information)),
        });
        using var http = bot.Factory.CreateClient();
        const string secret = "c2VjcmV0LXRva2VuLWluLWEtdXJs";

        await http.GetAsync($"/dashboard?t={secret}");
        await http.GetAsync($"/dashboard/{secret}");
        await http.GetAsync($"/upload/{secret}");
        await http.GetAsync($"/download/{secret}");

        Assert.NotEmpty(lines); // the capture works: the app logs its start-up at Information
        Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Capturing(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
        }
    }
}
