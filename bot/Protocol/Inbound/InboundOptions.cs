namespace VocEdWeek.Bot.Protocol.Inbound;

/// <summary>
/// <c>Inbound</c> section: how fast one person, and one conversation, may send before the bot stops running turns
/// for them. The defaults are far above human speed (nobody types 20 messages in 10 s) and at the pace Teams lets
/// the bot answer in one thread (60 per 30 s), so only a script, a stuck client or a flood ever reaches them.
/// </summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";

    /// <summary>Messages, card actions and reactions one person may send in <see cref="PerUserPeriod"/> (a burst of this many, then this rate).</summary>
    public int PerUserLimit { get; set; } = 20;

    public TimeSpan PerUserPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The same for one conversation (a channel counts with all its threads), whoever sends.</summary>
    public int PerConversationLimit { get; set; } = 60;

    public TimeSpan PerConversationPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>"Please slow down" is said at most once in this time per conversation; it is dropped if it cannot go out within it.</summary>
    public TimeSpan NoticeEvery { get; set; } = TimeSpan.FromMinutes(1);

    public void ThrowIfInvalid()
    {
        if (PerUserLimit < 1) throw new ConfigurationException("Inbound:PerUserLimit must be at least 1.");
        if (PerUserPeriod <= TimeSpan.Zero) throw new ConfigurationException("Inbound:PerUserPeriod must be positive, e.g. 00:00:10.");
        if (PerConversationLimit < 1) throw new ConfigurationException("Inbound:PerConversationLimit must be at least 1.");
        if (PerConversationPeriod <= TimeSpan.Zero) throw new ConfigurationException("Inbound:PerConversationPeriod must be positive, e.g. 00:00:30.");
        if (NoticeEvery <= TimeSpan.Zero) throw new ConfigurationException("Inbound:NoticeEvery must be positive, e.g. 00:01:00.");
    }
}
