using VocEdWeek.Bot.Protocol.Connector;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>The pure back-off arithmetic (the HTTP behaviour is in <see cref="ConnectorRetryTests"/>).</summary>
public sealed class ConnectorRetryPolicyTests
{
    private readonly ConnectorRetryPolicy policy = new(new ConnectorOptions());

    [Theory]
    [InlineData(412, true)]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(413, false)]
    [InlineData(500, false)]
    [InlineData(501, false)]
    public void IsTransient_OnlyTheDocumentedStatuses(int status, bool expected) =>
        Assert.Equal(expected, ConnectorRetryPolicy.IsTransient(status));

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 2.0)]
    [InlineData(3, 4.0)]
    [InlineData(4, 8.0)]
    [InlineData(5, 16.0)]
    public void DelayAfter_DoublesWithTwentyPercentJitter(int attempt, double nominalSeconds)
    {
        var samples = Enumerable.Range(0, 500).Select(_ => policy.DelayAfter(attempt, null).TotalSeconds).ToList();

        Assert.All(samples, s => Assert.InRange(s, nominalSeconds * 0.8, Math.Min(nominalSeconds * 1.2, 20)));
        Assert.True(samples.Max() - samples.Min() > nominalSeconds * 0.2, "jitter should spread the delays");
    }

    [Fact]
    public void DelayAfter_NeverBeyondMaxRetryDelay()
    {
        Assert.All(Enumerable.Range(6, 20), attempt => Assert.True(policy.DelayAfter(attempt, null) <= TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void DelayAfter_HonoursRetryAfterUpToTheCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), policy.DelayAfter(4, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(60), policy.DelayAfter(1, TimeSpan.FromMinutes(10)));
        Assert.InRange(policy.DelayAfter(1, TimeSpan.Zero).TotalSeconds, 0.8, 1.2);
    }
}
