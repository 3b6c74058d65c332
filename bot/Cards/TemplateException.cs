namespace VocEdWeek.Bot.Cards;

/// <summary>A card template that cannot be parsed or expanded (a bug in the template or its data), with a message naming the expression.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string message) : base(message) { }

    public TemplateException(string message, Exception inner) : base(message, inner) { }
}
