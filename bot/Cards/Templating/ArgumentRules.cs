namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>Parse-time checks of argument count and static type, as adaptive-expressions' validators do them.</summary>
internal static class ArgumentRules
{
    public static Action<Call> Any(int min, int max, ReturnType type = ReturnType.Object) => call =>
    {
        if (call.Args.Count < min) throw Invalid($"{call} should have at least {min} children.");
        if (call.Args.Count > max) throw Invalid($"{call} can't have more than {max} children.");
        foreach (var arg in call.Args) CheckType(call, arg, type);
    };

    /// <summary>Required argument types in order, then optional ones.</summary>
    public static Action<Call> Order(ReturnType[] optional, params ReturnType[] required) => call =>
    {
        var count = call.Args.Count;
        if (count < required.Length || count > required.Length + optional.Length)
        {
            throw Invalid(optional.Length == 0
                ? $"{call} should have {required.Length} children."
                : $"{call} should have between {required.Length} and {required.Length + optional.Length} children.");
        }
        for (var i = 0; i < count; i++)
        {
            CheckType(call, call.Args[i], i < required.Length ? required[i] : optional[i - required.Length]);
        }
    };

    public static Action<Call> None => _ => { };

    private static void CheckType(Call call, Expr arg, ReturnType expected)
    {
        if ((expected & ReturnType.Object) != 0 || (arg.ReturnType & ReturnType.Object) != 0) return;
        if ((expected & arg.ReturnType) != 0) return;
        var names = Enum.GetValues<ReturnType>().Where(t => (expected & t) != 0).Select(t => t.ToString()).ToList();
        throw Invalid(names.Count == 1
            ? $"{arg} is not a {names[0]} expression in {call}."
            : $"{arg} in {call} is not any of [{string.Join(", ", names)}].");
    }

    private static TemplateException Invalid(string message) => new(message);
}
