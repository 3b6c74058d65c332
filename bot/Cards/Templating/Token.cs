namespace VocEdWeek.Bot.Cards.Templating;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Operator,
    End,
}

/// <summary>A lexed token; <see cref="Value"/> is the parsed number or unescaped string.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, object? Value = null)
{
    public bool Is(string op) => Kind == TokenKind.Operator && Text == op;
}
