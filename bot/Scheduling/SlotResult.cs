namespace VocEdWeek.Bot.Scheduling;

/// <summary>What running a slot did; <see cref="Done"/> false means "try again on the next tick" (still within grace).</summary>
public sealed record SlotResult(bool Done, string Summary)
{
    public static SlotResult Ran(string summary) => new(true, summary);

    public static SlotResult Later(string why) => new(false, why);
}
