using System.Text.Json;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>Turns the final connector answer into the app's <see cref="SendResult"/> (protocol.md §3.2).</summary>
public static class SendResultClassifier
{
    /// <summary>403 codes that mean the bot can no longer post there: stop until the user re-engages.</summary>
    private static readonly HashSet<string> GoneCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "BotNotInConversationRoster",
        "ConversationBlockedByUser",
        "ForbiddenOperationException",
        "BotDisabledByAdmin",
        "MessageWritesBlocked",
    };

    public static SendResult Classify(ConnectorResponse response)
    {
        if (response.IsSuccess)
            return new SendResult(DeliveryStatus.Delivered, IdOf(response.Body), response.Status);
        if (response.Status is null)
            return new SendResult(DeliveryStatus.Failed, null, null, FailureCode(response.Failure), response.Failure);

        var error = response.Error;
        var status = response.Status.Value;
        var delivery = status switch
        {
            429 => DeliveryStatus.ThrottledGaveUp,
            403 when IsGone(error) => DeliveryStatus.RecipientGone,
            // The conversation is gone; a missing *message* (update of a deleted card) is not.
            404 when !string.Equals(error.Code, "ActivityNotFoundInConversation", StringComparison.OrdinalIgnoreCase) => DeliveryStatus.RecipientGone,
            _ => DeliveryStatus.Failed,
        };
        return new SendResult(delivery, null, status, error.Code, error.Message);
    }

    /// <summary>The <c>id</c> of a ResourceResponse; null when the body is empty or has none.</summary>
    public static string? IdOf(string body) => StringProperty(body, "id");

    public static string? StringProperty(string body, string name)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>"NetworkError: ConnectionError" → "NetworkError".</summary>
    private static string FailureCode(string? failure) =>
        failure is null ? "NetworkError" : failure.Split(':', 2)[0];

    private static bool IsGone(ConnectorError error) =>
        (error.Code is not null && GoneCodes.Contains(error.Code))
        || (error.Message is not null && GoneCodes.Any(code => error.Message.Contains(code, StringComparison.OrdinalIgnoreCase)));
}
