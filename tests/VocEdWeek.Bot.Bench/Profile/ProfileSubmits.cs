using VocEdWeek.Bot.Bench.Compare;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// <c>profile --kind submit</c>'s stream: the daily report card's submit from <see cref="BenchWeek"/>'s liaisons in turn,
/// a new card id each time (each a new version stored before the receipt goes back in the invoke response).
/// </summary>
public sealed class ProfileSubmits(string serviceUrl, string botAppId, string tenantId) : IActivityBodies
{
    private readonly ReportSubmits _submits = new(serviceUrl, botAppId, tenantId);

    public byte[] Body(string id, long sequence) =>
        _submits.Body(id, Guid.NewGuid().ToString("N"), (int)(sequence % BenchWeek.Liaisons));
}
