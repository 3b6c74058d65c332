using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Finds the files in a Teams message: file.download.info (desktop and mobile shapes) and pasted
/// images served by the connector (those need the bot's token, and only on the serviceUrl's host).
/// </summary>
public static class IncomingFiles
{
    public static IReadOnlyList<IncomingFile> From(Activity activity)
    {
        var files = new List<IncomingFile>();
        var index = 0;
        foreach (var a in activity.Attachments ?? [])
        {
            index++;
            var content = a.Content as JsonObject;
            var downloadUrl = Str(content, "downloadUrl");
            if (string.Equals(a.ContentType, ContentTypes.FileDownloadInfo, StringComparison.OrdinalIgnoreCase))
            {
                if (downloadUrl is null) continue;
                var fileType = Str(content, "fileType");
                var name = a.Name ?? $"file-{index}" + (fileType is null ? "" : "." + fileType);
                files.Add(new IncomingFile(name, fileType, downloadUrl, false, Str(content, "uniqueId")));
            }
            else if (a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
                     || a.ContentType?.StartsWith("video/", StringComparison.OrdinalIgnoreCase) == true)
            {
                var ext = a.ContentType.Split('/', 2)[1].Split(';')[0] switch { "*" => "png", "jpeg" => "jpg", var e => e };
                var name = a.Name ?? $"image-{index}.{ext}";
                if (downloadUrl is not null)
                {
                    files.Add(new IncomingFile(name, a.ContentType, downloadUrl, false, null));
                }
                else if (a.ContentUrl is { } url && IsOnConnectorHost(url, activity.ServiceUrl))
                {
                    files.Add(new IncomingFile(name, a.ContentType, url, true, null));
                }
                // Anything else (e.g. emoji images on a static CDN) is not a user's file.
            }
        }
        return files;
    }

    private static bool IsOnConnectorHost(string url, string? serviceUrl) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u)
        && Uri.TryCreate(serviceUrl, UriKind.Absolute, out var s)
        && string.Equals(u.Host, s.Host, StringComparison.OrdinalIgnoreCase)
        && u.Port == s.Port;

    private static string? Str(JsonObject? obj, string name) =>
        obj?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
