namespace VocEdWeek.Bot.Features.Summary;

/// <summary>The week's summary as stored: text and/or documents (Word / PDF sent in the chat).</summary>
public sealed record SummaryData
{
    public string Text { get; init; } = "";
    public IReadOnlyList<SummaryDocument> Documents { get; init; } = [];
}

/// <summary>
/// A summary document kept in the file store: its name as sent, content type, where the file store put
/// it (<see cref="Reference"/>, opaque to this feature), size and when it came.
/// </summary>
public sealed record SummaryDocument(string Name, string? ContentType, string Reference, long? Size, DateTime AddedAt);
