using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary><c>/healthz</c> and <c>/healthz/ready</c> on the real bot: JSON per check, 503 when one fails, no exception text.</summary>
public sealed class ReadyEndpointTests
{
    [Fact]
    public async Task Liveness_says_ok_and_readiness_lists_every_check_as_json()
    {
        await using var bot = new BotApp();
        using var http = bot.CreateClient();
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));

        var response = await http.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)body["status"]);
        var checks = body["checks"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => ((string)c!["status"]!, (string)c["description"]!));
        Assert.Equal(["database", "outbox", "scheduler", "sharepoint-queue", "week"], checks.Keys.Order());
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c.Item1));
        Assert.DoesNotContain(bot.DataDirectory, body.ToJsonString());
    }

    [Fact]
    public async Task A_check_that_throws_makes_it_503_without_the_exception_text()
    {
        const string secretPath = "/var/lib/vocedweek/secret-thing.db";
        await using var bot = await TestHost.StartAsync(new TestHostOptions
        {
            Services = s => s.AddHealthChecks().AddCheck("exploding", () => throw new IOException($"cannot open {secretPath}"), tags: ["ready"]),
        });
        using var http = bot.Factory.CreateClient();

        var response = await http.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!;
        Assert.Equal("Unhealthy", (string?)body["status"]);
        var exploding = body["checks"]!.AsArray().Single(c => (string?)c!["name"] == "exploding")!;
        Assert.Equal("The check failed; see the bot's log.", (string?)exploding["description"]);
        Assert.DoesNotContain("secret-thing", text);
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
    }
}
