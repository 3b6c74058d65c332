namespace VocEdWeek.Bot.Files;

public enum MediaKind
{
    Photo,
    Video,
    Document,
}

public static class MediaKinds
{
    private static readonly HashSet<string> Photos = new([".jpg", ".jpeg", ".png", ".gif", ".heic", ".heif", ".webp", ".bmp"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Videos = new([".mp4", ".mov", ".m4v", ".avi", ".wmv", ".mkv", ".3gp", ".webm"], StringComparer.OrdinalIgnoreCase);

    public static MediaKind Of(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return Photos.Contains(ext) ? MediaKind.Photo : Videos.Contains(ext) ? MediaKind.Video : MediaKind.Document;
    }
}
