using System.Text;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>Static result types, used like adaptive-expressions to reject e.g. toUpper(5) when the template is parsed.</summary>
[Flags]
internal enum ReturnType
{
    Boolean = 1,
    Number = 2,
    Object = 4,
    String = 8,
    Array = 16,
}

/// <summary>
/// A parsed expression. <see cref="ToString"/> prints it the way adaptive-expressions does, because
/// that text is what the reference engine puts back ("${...}") when part of an interpolated string fails.
/// </summary>
internal abstract class Expr
{
    public abstract ReturnType ReturnType { get; }
}

internal sealed class Constant(object? value) : Expr
{
    public object? Value { get; } = value;

    public override ReturnType ReturnType => Value switch
    {
        string => ReturnType.String,
        bool => ReturnType.Boolean,
        double d when !double.IsNaN(d) => ReturnType.Number,
        List<object?> => ReturnType.Array,
        _ => ReturnType.Object,
    };

    public override string ToString() => Value switch
    {
        JsUndefined => "undefined",
        null => "null",
        string s => Quote(s),
        double d => JsNumber.ToString(d),
        List<object?> or JsObject => JsJson.Stringify(Value),
        _ => JsString.From(Value),
    };

    /// <summary>Backslashes doubled, then every quote not preceded by a backslash escaped.</summary>
    private static string Quote(string s)
    {
        var doubled = s.Replace("\\", "\\\\", StringComparison.Ordinal);
        var sb = new StringBuilder("'");
        for (var i = 0; i < doubled.Length; i++)
        {
            if (doubled[i] == '\'' && (i == 0 || doubled[i - 1] != '\\')) sb.Append('\\');
            sb.Append(doubled[i]);
        }
        return sb.Append('\'').ToString();
    }
}

/// <summary>Member access: <c>name</c> alone, or <c>instance.name</c>.</summary>
internal sealed class Accessor(string name, Expr? instance) : Expr
{
    public string Name { get; } = name;
    public Expr? Instance { get; } = instance;

    /// <summary>The whole chain's path when it has no index access, else null.</summary>
    public AccessorPath? Path { get; } = AccessorPath.Of(name, instance);
    public override ReturnType ReturnType => ReturnType.Object;
    public override string ToString() => Instance is null ? Name : $"{Instance}.{Name}";
}

/// <summary>Indexing: <c>instance[index]</c>.</summary>
internal sealed class ElementAccess(Expr instance, Expr index) : Expr
{
    public Expr Instance { get; } = instance;
    public Expr Index { get; } = index;
    public override ReturnType ReturnType => ReturnType.Object;
    public override string ToString() => $"{Instance}[{Index}]";
}

/// <summary>A function or operator call; <see cref="Name"/> is the function's canonical type ("+", "==", "concat").</summary>
internal sealed class Call(TemplateFunction function, IReadOnlyList<Expr> args) : Expr
{
    public string Name => Function.Type;
    public TemplateFunction Function { get; } = function;
    public IReadOnlyList<Expr> Args { get; } = args;
    public override ReturnType ReturnType => Function.ReturnType;

    public override string ToString()
    {
        var infix = Name.Length > 0 && !char.IsAsciiLetter(Name[0]) && Args.Count >= 2;
        var separator = infix ? $" {Name} " : ", ";
        return (infix ? "" : Name) + "(" + string.Join(separator, Args.Select(a => a.ToString())) + ")";
    }
}
