using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>The photos, videos and documents a department sent in the chat for one item (kept by the file intake).</summary>
public sealed class ItemFiles(MediaStore media)
{
    private const int NamesShown = 6;

    public IReadOnlyList<MediaRecord> Stored(FormSession s, WeekItem item) =>
        media.StoredForItem(s.WeekId, s.Department.Id, item.Key).OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();

    /// <summary>"2 张照片、1 个视频：a.jpg、b.jpg、c.mp4", or "" when nothing came.</summary>
    public static string Describe(IReadOnlyList<MediaRecord> files, Strings t)
    {
        if (files.Count == 0) return "";
        var counts = new List<string>();
        var photos = files.Count(f => f.Kind == MediaKind.Photo);
        var videos = files.Count(f => f.Kind == MediaKind.Video);
        var documents = files.Count(f => f.Kind == MediaKind.Document);
        if (photos > 0) counts.Add(t.Format("files_photo_count", photos));
        if (videos > 0) counts.Add(t.Format("files_video_count", videos));
        if (documents > 0) counts.Add(t.Format("files_doc_count", documents));
        var names = string.Join(t["list_separator"], files.Take(NamesShown).Select(f => f.FileName));
        if (files.Count > NamesShown) names += t["form_files_more"];
        return t.Format("form_files_value", string.Join(t["list_separator"], counts), names);
    }
}
