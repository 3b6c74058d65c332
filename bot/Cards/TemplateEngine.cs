using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards.Templating;

namespace VocEdWeek.Bot.Cards;

/// <summary>
/// Expands an Adaptive Cards template written in the official templating language (${...}, $data,
/// $when, $root, $index) with data, producing what the npm package adaptivecards-templating 2.3.1
/// (with adaptive-expressions 4.23) produces; tests/cards-js checks this against the package itself.
/// <para>Behaviours worth knowing, all those of the reference engine:</para>
/// <list type="bullet">
/// <item>A missing value is printed back as its expression: <c>"${missing}"</c> stays the string
/// <c>"${missing}"</c>, <c>"Hi ${user.name}!"</c> becomes <c>"Hi ${user.name}!"</c>; it never becomes empty.
/// Inside functions and operators a missing value is also that text (<c>${missing + 1}</c> is
/// <c>"${missing}1"</c>), except in comparisons and logic (<c>==</c>, <c>&lt;</c>, <c>&amp;&amp;</c>, <c>!</c>,
/// <c>if</c>, <c>exists</c>, <c>empty</c>), where it is undefined: <c>exists(missing)</c> is false.</item>
/// <item>A JSON null is a value: <c>"${x}"</c> gives null (an array item that is null is removed),
/// but <c>"a ${x}"</c> with x null is an error.</item>
/// <item><c>"${expr}"</c> alone keeps the value's JSON type (number, bool, object, array);
/// a literal alone (<c>"${true}"</c>, <c>"${5}"</c>) gives a string.</item>
/// <item>Property names match ignoring case; <c>${items[9]}</c> past the end is an error, while
/// <c>${items[9].name}</c> is printed back.</item>
/// <item>An element with an array <c>$data</c> is repeated per item (<c>$index</c> counts from 0); an empty
/// array removes it. <c>$when</c> keeps the element only if it is the boolean true.</item>
/// <item>In an interpolated string a failing part is printed back as <c>${...}</c>; a whole-string
/// expression that fails throws.</item>
/// </list>
/// <para>Deliberate differences: an unknown function always throws <see cref="TemplateException"/> when the
/// template is parsed (the reference prints it back inside longer strings); locale arguments, object literals
/// and lambdas are not supported; text case mapping is culture-invariant.</para>
/// </summary>
public static class TemplateEngine
{
    /// <exception cref="TemplateException">The template has a syntax error, an unknown function, or an expression that fails.</exception>
    public static JsonNode? Expand(JsonNode? template, JsonNode? data) =>
        Expand(PreparedNode.Prepare(template), data is null ? JsUndefined.Value : JsJson.FromNode(data));

    /// <summary>A template prepared once (<see cref="PreparedNode.Prepare"/>), with data already in the engine's values.</summary>
    /// <remarks>Neither is changed: a prepared template and a frozen data object may serve many renders at once.</remarks>
    internal static JsonNode? Expand(PreparedNode prepared, object? root)
    {
        try
        {
            return JsJson.ToNode(new TemplateExpander(new TemplateScope(root)).Expand(prepared));
        }
        catch (JsEvaluationException e)
        {
            throw new TemplateException(e.Message, e);
        }
    }
}
