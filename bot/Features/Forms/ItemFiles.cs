using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>The photos, videos and documents a department sent in the chat for one item (kept by the file intake).</summary>
public sealed class ItemFiles(IMediaStore media)
{
    // The store gives them in the order they were made (a message's files share one time); a sort by id would scramble
    // files made within one millisecond on PostgreSQL, whose ids are random past the time.
    // Most items have none (the LiteDB store answers those from memory): nothing to sort, nothing to allocate.
    public IReadOnlyList<MediaRecord> Stored(FormSession s, WeekItem item) =>
        media.StoredForItem(s.WeekId, s.Department.Id, item.Key) is { Count: > 0 } files ? files.OrderBy(f => f.ReceivedAt).ToList() : [];

    /// <summary>"2 张照片、1 个视频：a.jpg、b.jpg、c.mp4", or "" when nothing came.</summary>
    public static string Describe(IReadOnlyList<MediaRecord> files, Strings t) => files.Count == 0 ? "" : MediaSummary.Describe(files, t);
}
