using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// A template with every string that contains <c>${</c> parsed up front (Template.prepare in the
/// reference): a syntax error anywhere fails the whole template, even in a part that $when drops.
/// </summary>
internal abstract class PreparedNode
{
    public static PreparedNode Prepare(JsonNode? node) => node switch
    {
        JsonObject obj => new PreparedObject(obj.Select(p => KeyValuePair.Create(p.Key, Prepare(p.Value))).ToList()),
        JsonArray arr => new PreparedArray(arr.Select(Prepare).ToList()),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => PrepareString(v.GetValue<string>()),
        _ => new PreparedLiteral(JsJson.FromNode(node)),
    };

    private static PreparedNode PrepareString(string s)
    {
        try
        {
            return TemplateStringParser.Parse(s) is { } expr ? new PreparedExpression(expr, s) : new PreparedLiteral(s);
        }
        catch (ExpressionSyntaxException e)
        {
            throw new TemplateException($"Invalid template expression in \"{s}\": {e.Message}.", e);
        }
        catch (TemplateException e)
        {
            throw new TemplateException($"Invalid template expression in \"{s}\": {e.Message}", e);
        }
    }
}

internal sealed class PreparedObject(List<KeyValuePair<string, PreparedNode>> properties) : PreparedNode
{
    private static readonly HashSet<string> ReservedKeys = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    public List<KeyValuePair<string, PreparedNode>> Properties { get; } = properties;

    // Looked up once here, not per render: every object of every card asks for its $data and $when.
    public PreparedNode? Data { get; } = properties.FirstOrDefault(p => p.Key == "$data").Value;

    public PreparedNode? When { get; } = properties.FirstOrDefault(p => p.Key == "$when").Value;

    /// <summary>The properties an expanded object can have: all but the templating language's own keys.</summary>
    public KeyValuePair<string, PreparedNode>[] Content { get; } = [.. properties.Where(p => !ReservedKeys.Contains(p.Key))];
}

internal sealed class PreparedArray(List<PreparedNode> items) : PreparedNode
{
    public List<PreparedNode> Items { get; } = items;
}

internal sealed class PreparedExpression(Expr expr, string source) : PreparedNode
{
    public Expr Expr { get; } = expr;
    public string Source { get; } = source;
}

/// <summary>A value without expressions: null, bool, number or string.</summary>
internal sealed class PreparedLiteral(object? value) : PreparedNode
{
    public object? Value { get; } = value;
}
