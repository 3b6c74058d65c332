using System.Net;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// Before anything is measured: each bot refuses a request without a token (401) and answers one with the token
/// (200, exactly one connector call); then an <see cref="ExactPass"/> per row.
/// </summary>
public sealed class TargetChecks(CompareFakes fakes) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 16 })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Null when the target is set up right, else what is wrong.</summary>
    public async Task<string?> SmokeTestAsync(TargetProcess target)
    {
        var bare = target.Name == TargetNames.Bare;
        if (!bare && await PostAsync(target, fakes.Messages, 0, token: null) is var anonymous && anonymous != HttpStatusCode.Unauthorized)
            return $"{target.Name}: no token gave {(int)anonymous}, not 401";
        var before = fakes.Connector.CallCount;
        if (await PostAsync(target, fakes.Messages, 0, fakes.Token) is var ok && ok != HttpStatusCode.OK) return $"{target.Name}: a valid token gave {(int)ok}, not 200";
        var calls = await ConnectorSettle.CallsSinceAsync(fakes.Connector, before);
        return calls == (bare ? 0 : 1) ? null : $"{target.Name}: {calls} connector calls for one message";
    }

    /// <summary>
    /// One message of the row's kind per conversation, 16 at a time, each to its answer: for a known row its
    /// conversations (the warm-up pass), for first contact 200 conversations nobody has seen, their own per target;
    /// for the submit row one submit per liaison (botbuilder: its echo over the known chats), each answer the receipt.
    /// </summary>
    public async Task<ExactPass> PassAsync(TargetProcess target, StreamKind row, int targetNumber)
    {
        var submits = row.LuaKindFor(target.Name) == StreamKind.Submit.LuaKind ? new ReportSubmits(fakes.Connector.ServiceUrl, AuthenticatedBot.AppId, AuthenticatedBot.TenantId) : null;
        var messages = row.KnownConversations > 0
            ? fakes.Messages
            : new TeamsMessages(fakes.Connector.ServiceUrl, AuthenticatedBot.AppId, AuthenticatedBot.TenantId, 200, 1_000_000 + 1000 * targetNumber);
        var count = row.KnownConversations > 0 ? row.KnownConversations : messages.Users;
        var before = fakes.Connector.CallCount;
        var next = -1;
        var notOk = 0;
        async Task Worker()
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                var id = $"{target.Name}-pass-{Guid.NewGuid():N}";
                var (status, body) = submits is null
                    ? await PostAsync(target, messages.Body(id, n), fakes.Token)
                    : await PostAsync(target, submits.Body(id, Guid.NewGuid().ToString("N"), n), fakes.Token);
                var right = status == HttpStatusCode.OK && (submits is null || target.Name == TargetNames.Bare || ReportSubmits.IsReceipt(body));
                if (!right) Interlocked.Increment(ref notOk);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(Worker)));
        return new ExactPass(target.Name, row.Name, count, notOk, await ConnectorSettle.CallsSinceAsync(fakes.Connector, before), row.ConnectorCallsFor(target.Name));
    }

    private async Task<HttpStatusCode> PostAsync(TargetProcess target, TeamsMessages messages, int conversation, string? token) =>
        (await PostAsync(target, messages.Body($"{target.Name}-pass-{Guid.NewGuid():N}", conversation), token)).Status;

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(TargetProcess target, byte[] body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _http.Dispose();
}
