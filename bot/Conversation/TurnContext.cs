using System.Globalization;
using System.Text.Json;

namespace VocEdWeek.Bot.Conversation;

/// <summary>
/// One incoming turn, in app terms. Built by the protocol layer; features read it and answer through it.
/// </summary>
public sealed class TurnContext(IMessenger messenger)
{
    public required TurnKind Kind { get; init; }
    public required ConversationRef Conversation { get; init; }
    public required UserRef User { get; init; }
    public required CultureInfo Culture { get; init; }
    /// <summary>
    /// When the user acted, on the app's clock: the channel's timestamp when it is believable, else when the request
    /// arrived — never later because the bot was busy. What a submission's on-time status is judged by.
    /// </summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>Replies through this turn are dropped, not sent late, after this instant (the turn's time budget).</summary>
    public DateTimeOffset? ReplyBy { get; init; }

    /// <summary>
    /// The channel's signature was checked (false in anonymous local mode): only such a turn may change where a stored
    /// conversation's messages go, so an unauthenticated caller cannot redirect anybody's chat.
    /// </summary>
    public bool Authenticated { get; init; }

    /// <summary>Plain text with the bot's @mention and HTML removed; empty when none.</summary>
    public string Text { get; init; } = "";
    /// <summary>Card data: Action.Submit value, or Action.Execute <c>data</c>.</summary>
    public JsonElement? Value { get; init; }
    /// <summary>Action.Execute verb, or Action.Submit <c>verb</c> field when the card sets one.</summary>
    public string? Verb { get; init; }
    public string? InvokeName { get; init; }
    /// <summary>The bot message a card action or reaction refers to.</summary>
    public string? ReplyToId { get; init; }
    public string? ActivityId { get; init; }
    public IReadOnlyList<IncomingFile> Files { get; init; } = [];
    /// <summary>For <see cref="TurnKind.FileConsent"/>: accept or decline; null when the invoke could not be read.</summary>
    public FileConsentAnswer? FileConsent { get; init; }
    /// <summary>Other people @mentioned in the message (the bot itself excluded).</summary>
    public IReadOnlyList<UserRef> Mentions { get; init; } = [];

    /// <summary>Set by a handler to answer an invoke; an invoke left without one gets 501.</summary>
    public InvokeResult? InvokeResult { get; set; }

    public bool IsEnglish => Culture.TwoLetterISOLanguageName == "en";

    public IMessenger Messenger => messenger;

    public Task<SendResult> ReplyAsync(OutgoingMessage message, CancellationToken ct = default) =>
        messenger.SendAsync(Conversation, WithDeadline(message), ActivityId, ct);

    public Task<SendResult> ReplyAsync(string text, CancellationToken ct = default) =>
        ReplyAsync(OutgoingMessage.FromText(text), ct);

    /// <summary>Replaces the card the user acted on (Action.Submit path).</summary>
    public Task<SendResult> UpdateActedOnAsync(OutgoingMessage message, CancellationToken ct = default) =>
        ReplyToId is { Length: > 0 } id
            ? messenger.UpdateAsync(Conversation, id, WithDeadline(message), ct)
            : ReplyAsync(message, ct);

    private OutgoingMessage WithDeadline(OutgoingMessage message) =>
        message.NotAfter is null && ReplyBy is not null ? message with { NotAfter = ReplyBy } : message;
}
