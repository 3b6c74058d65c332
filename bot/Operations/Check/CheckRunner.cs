namespace VocEdWeek.Bot.Operations.Check;

/// <summary>Runs the checks one after the other; a check that throws becomes a ✗ line, never a stack trace.</summary>
public sealed class CheckRunner(IReadOnlyList<ICheck> checks)
{
    /// <summary>Longest one check may take (slow DNS, a silent firewall) before it is reported and the next one runs.</summary>
    public static readonly TimeSpan PerCheckLimit = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<NamedResult>> RunAsync(CheckContext context, CancellationToken ct)
    {
        var results = new List<NamedResult>();
        foreach (var check in checks)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(PerCheckLimit);
            CheckResult result;
            try
            {
                result = await check.RunAsync(context, limit.Token);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                var reason = ex is OperationCanceledException ? "timed out" : ex.Message.Split('\n', 2)[0].Trim();
                result = CheckResult.Fail(context.T("check_crashed", ex.GetType().Name, reason), context.T("check_crashed_fix"), null);
            }
            results.Add(new NamedResult(context.T(check.NameKey), result));
        }
        return results;
    }
}

/// <summary>A result with the check's name in the output language.</summary>
public sealed record NamedResult(string Name, CheckResult Result);
