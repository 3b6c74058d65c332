namespace VocEdWeek.Bot.Links;

/// <summary>What a presented link turned out to be.</summary>
public enum LinkStatus
{
    Valid,
    Expired,
    /// <summary>Malformed, signed with another key, altered, or made for another purpose.</summary>
    Invalid,
}

/// <summary>The result of checking a signed link: its status and, when valid or merely expired, its claims.</summary>
public sealed record LinkCheck(LinkStatus Status, IReadOnlyDictionary<string, string> Claims, DateTimeOffset? ExpiresAt)
{
    public bool IsValid => Status == LinkStatus.Valid;

    public string? this[string claim] => Claims.GetValueOrDefault(claim);

    public static LinkCheck Invalid { get; } = new(LinkStatus.Invalid, new Dictionary<string, string>(), null);
}
