namespace VocEdWeek.Bot.Conversation;

/// <summary>An @mention in an outgoing message; <see cref="Text"/> must appear verbatim in the message text.</summary>
public sealed record Mention(string UserId, string Name)
{
    public string Text => $"<at>{System.Net.WebUtility.HtmlEncode(Name)}</at>";
}
