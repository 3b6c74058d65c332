using VocEdWeek.Bot.Cards;
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

    /// <summary>Counts and names; a name links to the file in SharePoint once it is there (card markdown).</summary>
    public static string Describe(IReadOnlyCollection<MediaRecord> files, Strings t, int maxNames = MaxNames)
    {
        var names = string.Join(Separator(t), files.Take(maxNames).Select(Link));
        var more = files.Count > maxNames ? t.Format("files_more", files.Count - maxNames) : "";
        return $"{Counts(files, t)}{(IsEnglish(t) ? ": " : "：")}{names}{more}";
    }

    /// <summary>
    /// "[a.jpg](https://…)" when uploaded, else the plain name. The name is the sender's (escaped: shown as text); only the
    /// address of our own copy in SharePoint is a link.
    /// </summary>
    public static string Link(MediaRecord file)
    {
        var text = PlainText.Escape(file.FileName);
        if (string.IsNullOrEmpty(file.WebUrl) || !Uri.TryCreate(file.WebUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return text;
        var url = uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        return $"[{text}]({url})";
    }

    public static string Separator(Strings t) => IsEnglish(t) ? ", " : "、";

    private static bool IsEnglish(Strings t) => t.Culture.TwoLetterISOLanguageName == "en";
}
