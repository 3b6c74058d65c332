namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// The Content-Type of a served photo, from its first bytes (a SharePoint thumbnail is a JPEG whatever the file was),
/// else from its extension. Sent with nosniff, so it has to be right.
/// </summary>
public static class ImageType
{
    public static string Of(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (head.StartsWith("GIF8"u8)) return "image/gif";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (head.StartsWith("BM"u8)) return "image/bmp";
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return "image/heic";
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".bmp" => "image/bmp",
            ".heic" or ".heif" => "image/heic",
            _ => "application/octet-stream",
        };
    }
}
