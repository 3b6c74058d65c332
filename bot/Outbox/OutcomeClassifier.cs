using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Outbox;

/// <summary>A connector <see cref="SendResult"/> as an outbox outcome, and whether trying again later can help.</summary>
public static class OutcomeClassifier
{
    public static (OutboxOutcome Outcome, bool Retry) Of(SendResult result)
    {
        if (result.Delivered) return (OutboxOutcome.Delivered, false);
        var code = result.ErrorCode ?? "";
        var text = code + " " + result.ErrorMessage;
        if (Has(text, "ConversationBlockedByUser") || Has(text, "MessageWritesBlocked")) return (OutboxOutcome.Blocked, false);
        if (Has(text, "BotDisabledByAdmin")) return (OutboxOutcome.DisabledByAdmin, false);
        // Teams may have posted it: sending again could deliver it twice, so it is reported instead.
        if (result.HttpStatus is null && code == "Unconfirmed") return (OutboxOutcome.Unconfirmed, false);
        if (Has(text, "ForbiddenOperationException") || Has(text, "BotNotInConversationRoster")) return (OutboxOutcome.NotInstalled, false);
        return result.Status switch
        {
            DeliveryStatus.ThrottledGaveUp => (OutboxOutcome.Throttled, true),
            _ when result.HttpStatus == 429 => (OutboxOutcome.Throttled, true),
            _ when result.HttpStatus == 404 => (OutboxOutcome.UnknownUser, false),
            DeliveryStatus.RecipientGone when result.HttpStatus == 403 => (OutboxOutcome.NotInstalled, false),
            DeliveryStatus.RecipientGone => (OutboxOutcome.UnknownUser, false),
            // No answer at all (network) or a server error the connector already retried: later may work.
            _ when result.HttpStatus is null or >= 500 => (OutboxOutcome.Failed, true),
            _ => (OutboxOutcome.Failed, false),
        };
    }

    /// <summary>"ConversationNotFound": the 1:1 chat disappeared (history cleared); it can be opened again.</summary>
    public static bool IsConversationNotFound(SendResult result) =>
        result.HttpStatus == 404 && Has(result.ErrorCode + " " + result.ErrorMessage, "ConversationNotFound");

    public static string? Detail(SendResult result) =>
        result.Delivered ? null : string.Join(" ", new[] { result.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ErrorCode, Trim(result.ErrorMessage) }.Where(s => !string.IsNullOrEmpty(s)));

    private static bool Has(string text, string code) => text.Contains(code, StringComparison.OrdinalIgnoreCase);

    private static string? Trim(string? message) => message is { Length: > 200 } ? message[..200] + "…" : message;
}
