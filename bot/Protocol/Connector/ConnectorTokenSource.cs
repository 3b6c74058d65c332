namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>The connector's token for file downloads that need it (inline images); null in anonymous mode.</summary>
public sealed class ConnectorTokenSource(ConnectorTokenProvider provider) : IConnectorTokenSource
{
    public Task<string?> GetTokenAsync(CancellationToken ct) => provider.GetTokenAsync(ct);
}
