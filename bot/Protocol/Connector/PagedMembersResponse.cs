namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>One page of <c>GET …/pagedmembers</c>: loop while <see cref="ContinuationToken"/> is set.</summary>
public sealed class PagedMembersResponse
{
    public string? ContinuationToken { get; set; }
    public List<ChannelAccount>? Members { get; set; }
}
