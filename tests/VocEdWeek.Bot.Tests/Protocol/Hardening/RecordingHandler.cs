using System.Collections.Concurrent;
using System.Net;

namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>
/// The connector client's last handler in tests that must never reach the network: it records where the bot
/// tried to post and answers 201 itself, so even a bot that would post to a private address sends nothing.
/// </summary>
public sealed class RecordingHandler(ConcurrentQueue<Uri> seen) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        seen.Enqueue(request.RequestUri!);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{\"id\":\"1\"}") });
    }
}
