using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Protocol.Hardening;

namespace VocEdWeek.Bot.Tests.Protocol.Inbound;

/// <summary>
/// Issue 13: behind a load balancer Teams' copy of an activity may reach another instance. Two real bots on one
/// PostgreSQL database receive the same activity at once: it runs once (one reply, one submission), and the other
/// answers a plain 200; each still runs what only it received.
/// </summary>
public sealed class TwoInstancesDedupTests : IAsyncLifetime
{
    private ConnectorRecorder _recorder = null!;
    private TestHost _one = null!;
    private TestHost _two = null!;
    private HttpClient _toOne = null!;
    private HttpClient _toTwo = null!;

    public async Task InitializeAsync()
    {
        _recorder = await ConnectorRecorder.StartAsync();
        var database = await PostgresCluster.CreateDatabaseAsync();
        var key = TestStorage.NewSigningKey();
        TestHostOptions Instance(string name) => new()
        {
            Settings = new()
            {
                ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:VocEdWeek"] = database, ["Links:SigningKey"] = key,
                ["Storage:InstanceName"] = name,
            },
        };
        // One after the other, as a deployment would start them; both then serve together.
        _one = await TestHost.StartAsync(Instance("one"));
        _toOne = _one.Factory.CreateClient();
        _two = await TestHost.StartAsync(Instance("two"));
        _toTwo = _two.Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _toOne.Dispose();
        _toTwo.Dispose();
        await _two.DisposeAsync();
        await _one.DisposeAsync();
        await _recorder.DisposeAsync();
    }

    private int RepliesTo(string activityId) =>
        _recorder.Calls.Count(c => c.Method == "POST" && c.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal));

    [Fact]
    public async Task A_message_delivered_to_both_instances_is_answered_once()
    {
        var message = Wire.LiaisonMessage(_recorder.ServiceUrl, "help");
        var id = message["id"]!.GetValue<string>();

        var answers = await Task.WhenAll(RawPost.JsonAsync(_toOne, message), RawPost.JsonAsync(_toTwo, message.DeepClone()));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, RepliesTo(id));
        // Neither instance is simply deaf: each answers a message only it received.
        foreach (var client in new[] { _toOne, _toTwo })
        {
            var fresh = Wire.LiaisonMessage(_recorder.ServiceUrl, "help");
            fresh["id"] = Guid.NewGuid().ToString("N");
            Assert.Equal(HttpStatusCode.OK, (await RawPost.JsonAsync(client, fresh)).StatusCode);
            Assert.Equal(1, RepliesTo(fresh["id"]!.GetValue<string>()));
        }
        Assert.Equal(1, RepliesTo(id));
    }

    [Fact]
    public async Task A_report_submitted_to_both_instances_is_stored_once_and_the_copy_gets_an_empty_200()
    {
        var submit = ReportSubmit();

        var answers = await Task.WhenAll(RawPost.JsonAsync(_toOne, submit), RawPost.JsonAsync(_toTwo, submit.DeepClone()));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        // The instance that ran it answers with the card; the other says nothing (its copy was handled over there).
        Assert.Single(bodies, b => b.Length == 0);
        Assert.Single(bodies, b => b.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal));
        var history = _one.Services.GetRequiredService<ISubmissionStore>().History("2024-wuxi", "jd", "report:2024-05-14");
        Assert.Single(history);
    }

    private JsonObject ReportSubmit() => Wire.ReportSubmit(_recorder.ServiceUrl);
}
