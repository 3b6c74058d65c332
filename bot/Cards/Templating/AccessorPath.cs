using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// The path of a member chain without index accesses (<c>title</c>, <c>t.receipt_edit</c>, <c>$root.x.y</c>): it is
/// the same text on every render, so it is made, split and prefixed once when the expression is parsed, instead of
/// per lookup (FunctionUtils.tryAccumulatePath, then SimpleObjectMemory's split).
/// </summary>
internal sealed partial class AccessorPath
{
    private AccessorPath(string accumulated)
    {
        Accumulated = accumulated;
        Text = Finish(accumulated);
        Memory = MemoryPath.Split(TemplateScope.MemoryKey(Text));
        Substitute = "${" + Text + "}";
    }

    /// <summary>"a.b." as tryAccumulatePath builds it, before the trailing dots go.</summary>
    public string Accumulated { get; }

    public string Text { get; }

    /// <summary>The path as the scope reads it (under <c>$data</c> unless it starts with <c>$</c>), split.</summary>
    public SplitPath Memory { get; }

    /// <summary>What the reference engine prints back for a value that is missing.</summary>
    public string Substitute { get; }

    /// <summary>The path of <c>instance.name</c>, or null when <paramref name="instance"/> is not a plain member chain.</summary>
    public static AccessorPath? Of(string name, Expr? instance) => instance switch
    {
        null => new AccessorPath(name + "."),
        Accessor { Path: { } inner } => new AccessorPath(inner.Accumulated + name + "."),
        _ => null,
    };

    /// <summary>The end of tryAccumulatePath: trailing dots removed, ".[" joined to "[".</summary>
    public static string Finish(string accumulated) =>
        TrailingDots().Replace(accumulated, "").Replace(".[", "[", StringComparison.Ordinal);

    [GeneratedRegex(@"\.*$")]
    private static partial Regex TrailingDots();
}
