using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>The VocEdWeek.Bot meter seen from outside: a MeterListener on the in-process bot, and OTLP/HTTP to a local receiver.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task A_turn_and_the_outbox_outcomes_of_a_one_click_reminder_are_measured_with_their_tags()
    {
        await using var app = await ExportApp.StartAsync();
        using var capture = new MetricCapture(app.Services.GetRequiredService<IMeterFactory>());

        await app.SayAsync(FormsWorld.Staff, "帮助");
        var remind = new JsonObject { ["verb"] = "remind.missing", ["weekId"] = "2024-wuxi", ["itemKey"] = "report:2024-05-14" };
        Assert.Equal(HttpStatusCode.OK, (await app.ExecuteAsync(FormsWorld.Staff, remind, "card-1")).StatusCode);

        var turns = capture.Of("vocedweek.turn.duration");
        Assert.All(turns, t => Assert.Equal("s", t.Unit));
        Assert.Contains(turns, t => t.Tags["turn.kind"] == "message" && t.Tags["turn.outcome"] == "ok" && t.Value >= 0);
        Assert.Contains(turns, t => t.Tags["turn.kind"] == "card_action" && t.Tags["turn.outcome"] == "ok");
        // Every turn's age when it started, and the turns in flight back to none once answered.
        Assert.Equal(turns.Count, capture.Of("vocedweek.turn.age").Count);
        Assert.All(capture.Of("vocedweek.turn.age"), a => Assert.True(a.Value >= 0));
        Assert.Equal(0, capture.Of("vocedweek.turns.in_flight").Sum(m => m.Value));

        // 张伟, 李娜 and 陈静 have Entra ids: a 1:1 chat is opened and the reminder delivered; the others are known by e-mail only.
        var outbox = capture.Of("vocedweek.outbox.messages");
        Assert.Equal(3, outbox.Count(m => m.Tags["outbox.topic"] == "reminder" && m.Tags["outbox.outcome"] == "delivered" && m.Tags["outbox.state"] == "sent"));
        Assert.Equal(3, outbox.Count(m => m.Tags["outbox.topic"] == "reminder" && m.Tags["outbox.outcome"] == "not_reachable" && m.Tags["outbox.state"] == "gone"));
        Assert.Equal(3, capture.Of("vocedweek.reminders.sent").Sum(m => m.Value));
    }

    [Fact]
    public async Task Metrics_are_exported_over_OTLP_HTTP_only_when_an_endpoint_is_configured()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.Run(async ctx =>
        {
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            received.Enqueue((ctx.Request.Path.Value ?? "", body.ToArray()));
            ctx.Response.ContentType = "application/x-protobuf";
        });
        await receiver.StartAsync();
        var endpoint = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using (var plain = new BotApp())
        {
            using var _ = plain.CreateClient();
            Assert.Null(plain.Services.GetService<MeterProvider>());
        }

        await using var bot = new BotApp(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint, ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf" });
        using var http = bot.CreateClient();
        using var content = new StringContent(TestActivities.Event("http://127.0.0.1:9/").ToJsonString(), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/messages", content)).StatusCode);

        Assert.True(bot.Services.GetRequiredService<MeterProvider>().ForceFlush(30_000));
        var metrics = received.Where(r => r.Path == "/v1/metrics").ToList();
        Assert.NotEmpty(metrics);
        Assert.Contains(metrics, r => Contains(r.Body, "VocEdWeek.Bot") && Contains(r.Body, "vocedweek.turn.duration"));
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
