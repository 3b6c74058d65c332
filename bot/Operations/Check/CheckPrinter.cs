using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Operations.Check;

/// <summary>One line per check (✓ / ✗ / –) and a summary; any configured secret that slipped into a line is masked.</summary>
public sealed class CheckPrinter(TextWriter output, Strings texts, SecretValues secrets)
{
    public async Task PrintAsync(IReadOnlyList<NamedResult> results)
    {
        foreach (var (name, r) in results)
        {
            var line = r.Outcome switch
            {
                CheckOutcome.Pass => texts.Format("check_line_pass", name, r.Found),
                CheckOutcome.Skipped => texts.Format("check_line_skipped", name, r.Found),
                _ when r.Key is null => texts.Format("check_line_fail", name, r.Found, r.Fix),
                _ => texts.Format("check_line_fail_key", name, r.Found, r.Fix, r.Key),
            };
            await output.WriteLineAsync(secrets.Mask(line));
        }
        await output.WriteLineAsync(texts.Format("check_summary", results.Count,
            results.Count(r => r.Result.Outcome == CheckOutcome.Pass),
            results.Count(r => r.Result.Outcome == CheckOutcome.Fail),
            results.Count(r => r.Result.Outcome == CheckOutcome.Skipped)));
    }
}
