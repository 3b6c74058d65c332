namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>Why a request failed, in a few words: the innermost message's first line (e.g. "Connection refused").</summary>
public static class Reason
{
    public static string Of(Exception ex)
    {
        if (ex is OperationCanceledException) return "timed out";
        var inner = ex;
        while (inner.InnerException is not null) inner = inner.InnerException;
        var line = inner.Message.Split('\n', 2)[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
