using System.Text;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>The fake itself: its Teams-limit mode must throttle, or the pacing tests would prove nothing.</summary>
public sealed class FakeConnectorTests
{
    [Fact]
    public async Task EnforceTeamsLimits_AnswersThrottledPastSevenPerSecondPerThread()
    {
        await using var fake = await FakeConnector.StartAsync(new SteppingTimeProvider(ConnectorTestHost.Start));
        fake.EnforceTeamsLimits = true;
        using var http = new HttpClient();

        var statuses = new List<int>();
        for (var i = 0; i < 9; i++)
        {
            using var response = await http.PostAsync(fake.ServiceUrl + "v3/conversations/19%3Aa%40thread.tacv2%3Bmessageid%3D" + i + "/activities", Json("""{"type":"message"}"""));
            statuses.Add((int)response.StatusCode);
        }
        using var other = await http.PostAsync(fake.ServiceUrl + "v3/conversations/a%3Aother/activities", Json("""{"type":"message"}"""));

        Assert.Equal([201, 201, 201, 201, 201, 201, 201, 429, 429], statuses);
        Assert.Equal(201, (int)other.StatusCode);
        Assert.Equal(10, fake.Requests.Count);
    }

    [Fact]
    public async Task TenantRequestsPerSecond_AnswersThrottledPastTheTenantCeiling()
    {
        await using var fake = await FakeConnector.StartAsync(new SteppingTimeProvider(ConnectorTestHost.Start));
        fake.EnforceTeamsLimits = true;
        fake.TenantRequestsPerSecond = 3;
        using var http = new HttpClient();

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync(fake.ServiceUrl + "v3/conversations/a%3Auser" + i + "/activities",
                Json("""{"type":"message","channelData":{"tenant":{"id":"t1"}}}"""));
            statuses.Add((int)response.StatusCode);
        }
        using var otherTenant = await http.PostAsync(fake.ServiceUrl + "v3/conversations/a%3Ax/activities",
            Json("""{"type":"message","channelData":{"tenant":{"id":"t2"}}}"""));

        Assert.Equal([201, 201, 201, 429], statuses);
        Assert.Equal(201, (int)otherTenant.StatusCode);
    }

    [Fact]
    public async Task Requests_AreRecordedWithRawTargetHeadersAndBody()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, fake.ServiceUrl + "v3/conversations/a%3Ab/activities/7") { Content = Json("""{"id":"7"}""") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer t");

        using var response = await http.SendAsync(request);

        var recorded = Assert.Single(fake.Requests);
        Assert.Equal("PUT", recorded.Method);
        Assert.Equal("/amer/v3/conversations/a%3Ab/activities/7", recorded.Target);
        Assert.Equal("Bearer t", recorded.Authorization);
        Assert.Equal("""{"id":"7"}""", recorded.Body);
        Assert.Equal(200, recorded.Status);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
