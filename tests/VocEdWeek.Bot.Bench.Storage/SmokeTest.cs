using System.Net;
using System.Net.Http.Headers;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// Before measuring, on every instance of a target: no token is 401; a report submit with the token is 200 with the
/// receipt card in the invoke response; an office question is 200 and exactly one reply reaches the connector.
/// </summary>
public sealed class SmokeTest(BenchFakes fakes, string token, IActivityBodies submits, IActivityBodies questions)
{
    /// <summary>Submits stored by the smoke tests, per target (they count in what the store must hold afterwards).</summary>
    public Dictionary<string, int> Submitted { get; } = [];

    public async Task<string?> CheckAsync(Target target)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var url in target.Urls)
        {
            var (anonymous, _) = await PostAsync(http, url, questions, null);
            if (anonymous != HttpStatusCode.Unauthorized) return $"{url}: no token gave {anonymous}, not 401";
            var (submitted, receipt) = await PostAsync(http, url, submits, token);
            if (submitted != HttpStatusCode.OK || !receipt.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
                return $"{url}: a report submit gave {submitted} without a receipt card: {receipt[..Math.Min(300, receipt.Length)]}";
            Submitted[target.Name] = Submitted.GetValueOrDefault(target.Name) + 1;
            var before = fakes.Connector.CallCount;
            var (asked, _) = await PostAsync(http, url, questions, token);
            if (asked != HttpStatusCode.OK) return $"{url}: the office question gave {asked}, not 200";
            if (fakes.Connector.CallCount - before != 1) return $"{url}: {fakes.Connector.CallCount - before} connector calls for one question, not 1";
        }
        return null;
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, Uri url, IActivityBodies bodies, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(bodies.Body($"smoke-{Guid.NewGuid():N}", Random.Shared.Next(1000))) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
