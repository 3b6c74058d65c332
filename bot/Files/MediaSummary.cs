using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Files;

/// <summary>"2 张照片、1 个视频：a.jpg、b.jpg、c.mp4" — counts by kind, then names (the first ten).</summary>
public static class MediaSummary
{
    private const int MaxNames = 10;

    public static string Counts(IReadOnlyCollection<MediaRecord> files, Strings t)
    {
        var parts = new List<string>();
        var photos = files.Count(r => r.Kind == MediaKind.Photo);
        var videos = files.Count(r => r.Kind == MediaKind.Video);
        var docs = files.Count(r => r.Kind == MediaKind.Document);
        if (photos > 0) parts.Add(t.Format("files_photo_count", photos));
        if (videos > 0) parts.Add(t.Format("files_video_count", videos));
        if (docs > 0) parts.Add(t.Format("files_doc_count", docs));
        return string.Join(Separator(t), parts);
    }

    public static string Describe(IReadOnlyCollection<MediaRecord> files, Strings t)
    {
        var names = string.Join(Separator(t), files.Take(MaxNames).Select(f => f.FileName));
        var more = files.Count > MaxNames ? t.Format("files_more", files.Count - MaxNames) : "";
        return $"{Counts(files, t)}{(IsEnglish(t) ? ": " : "：")}{names}{more}";
    }

    public static string Separator(Strings t) => IsEnglish(t) ? ", " : "、";

    private static bool IsEnglish(Strings t) => t.Culture.TwoLetterISOLanguageName == "en";
}
