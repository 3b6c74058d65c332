using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards.Templating;

namespace VocEdWeek.Bot.Cards;

/// <summary>
/// Template data built straight into the template engine's own values, for a card rendered on every request (the
/// receipt of each submit): data built as a <see cref="JsonObject"/> is converted to those values before binding, which
/// was a third of the receipt's templating. <see cref="ToJson"/> gives the same data as JSON, as the card samples need.
/// </summary>
public sealed class CardData
{
    public CardData(int capacity = 0) => Values = new JsObject(capacity);

    internal JsObject Values { get; }

    public CardData Set(string key, string value)
    {
        Values[key] = value;
        return this;
    }

    public CardData Set(string key, bool value)
    {
        Values[key] = value;
        return this;
    }

    public CardData Set(string key, IReadOnlyCollection<CardData> items)
    {
        var list = new List<object?>(items.Count);
        foreach (var item in items) list.Add(item.Values);
        Values[key] = list;
        return this;
    }

    /// <summary>The same data as JSON (what JsonObject-built data would have been).</summary>
    public JsonObject ToJson() => (JsonObject)JsJson.ToNode(Values)!;
}
