namespace VocEdWeek.Bot.Conversation;

public enum TurnKind
{
    /// <summary>Typed text (mentions already stripped).</summary>
    Message,
    /// <summary>Action.Submit: a message with a value and no text.</summary>
    CardSubmit,
    /// <summary>Action.Execute: an adaptiveCard/action invoke; answer with <see cref="TurnContext.InvokeResult"/>.</summary>
    CardAction,
    /// <summary>The answer to a file consent card; <see cref="TurnContext.FileConsent"/> holds it. Answer 200 quickly.</summary>
    FileConsent,
    /// <summary>Any other invoke (file consent, task modules …).</summary>
    Invoke,
    /// <summary>The bot was added to a personal chat, group chat or team.</summary>
    BotInstalled,
    /// <summary>The bot was removed.</summary>
    BotUninstalled,
    /// <summary>Everything else: members added, reactions, read receipts, unknown types.</summary>
    Other,
}
