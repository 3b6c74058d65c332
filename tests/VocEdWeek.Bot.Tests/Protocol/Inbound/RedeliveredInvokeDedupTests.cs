using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Protocol.Hardening;

namespace VocEdWeek.Bot.Tests.Protocol.Inbound;

/// <summary>
/// Teams re-delivers an invoke it got no quick answer to. The copy is answered from the de-duplication window (kept
/// there as the answer's bytes): the same status, headers and receipt, and the report is stored once.
/// </summary>
public sealed class RedeliveredInvokeDedupTests
{
    [Fact]
    public async Task A_redelivered_report_submit_gets_the_same_receipt_and_is_stored_once()
    {
        await using var recorder = await ConnectorRecorder.StartAsync();
        await using var bot = await TestHost.StartAsync(new());
        using var client = bot.Factory.CreateClient();
        var submit = Wire.ReportSubmit(recorder.ServiceUrl);

        var first = await RawPost.JsonAsync(client, submit);
        var copy = await RawPost.JsonAsync(client, submit.DeepClone());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(first.StatusCode, copy.StatusCode);
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.Equal(first.Content.Headers.ContentType, copy.Content.Headers.ContentType);
        var receipt = await first.Content.ReadAsStringAsync();
        Assert.Contains("application/vnd.microsoft.card.adaptive", receipt, StringComparison.Ordinal);
        Assert.Equal(receipt, await copy.Content.ReadAsStringAsync());
        Assert.Single(bot.Services.GetRequiredService<ISubmissionStore>().History("2024-wuxi", "jd", "report:2024-05-14"));
    }
}
