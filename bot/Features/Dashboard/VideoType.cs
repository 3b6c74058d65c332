namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>The Content-Type of a served video, from its extension (the kinds phones record and liaisons send).</summary>
public static class VideoType
{
    public static string Of(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".mp4" or ".m4v" => "video/mp4",
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        ".3gp" => "video/3gpp",
        ".avi" => "video/x-msvideo",
        ".wmv" => "video/x-ms-wmv",
        ".mkv" => "video/x-matroska",
        ".flv" => "video/x-flv",
        _ => "application/octet-stream",
    };
}
