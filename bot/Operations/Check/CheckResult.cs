namespace VocEdWeek.Bot.Operations.Check;

public enum CheckOutcome
{
    Pass,
    Fail,
    /// <summary>Nothing to check (e.g. SharePoint not configured); does not fail the run.</summary>
    Skipped,
}

/// <summary>What one check found, and — when it failed — how to fix it and the configuration key to change.</summary>
public sealed record CheckResult(CheckOutcome Outcome, string Found, string? Fix = null, string? Key = null)
{
    public static CheckResult Pass(string found) => new(CheckOutcome.Pass, found);

    public static CheckResult Fail(string found, string fix, string? key) => new(CheckOutcome.Fail, found, fix, key);

    public static CheckResult Skipped(string found) => new(CheckOutcome.Skipped, found);
}
