namespace VocEdWeek.Bot.Operations.Check;

/// <summary>One live check of the configuration; it answers with one line, never throws for a wrong setting.</summary>
public interface ICheck
{
    /// <summary>The text key of the check's name (bot/Localization/check.*.json).</summary>
    string NameKey { get; }

    Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct);
}
