using System.Text;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Features.Digest;

/// <summary>
/// Teams refuses messages much above 28 KB on some tenants. A card is measured as it goes on the wire:
/// UTF-8 JSON with the default encoder (non-ASCII written as \uXXXX escapes, the larger measure).
/// </summary>
public static class DigestBudget
{
    /// <summary>The hard limit per message.</summary>
    public const int MaxBytes = 28 * 1024;

    /// <summary>What one card may use, leaving room for the activity around it.</summary>
    public const int CardBytes = 26 * 1024;

    public static int WireBytes(JsonNode card) => Encoding.UTF8.GetByteCount(card.ToJsonString());
}
