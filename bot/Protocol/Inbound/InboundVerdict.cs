namespace VocEdWeek.Bot.Protocol.Inbound;

/// <summary>What <see cref="InboundLimiter"/> decided for one activity.</summary>
/// <param name="Admitted">Run the turn.</param>
/// <param name="Notify">Refused, and this conversation has not been told to slow down within <see cref="InboundOptions.NoticeEvery"/>.</param>
public readonly record struct InboundVerdict(bool Admitted, bool Notify)
{
    public static readonly InboundVerdict Admit = new(true, false);
}
