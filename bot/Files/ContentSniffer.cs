using System.Buffers;
using System.Text;
using System.Text.Unicode;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Files;

/// <summary>What is wrong with a file's content, judged by its first bytes against its name.</summary>
public enum ContentProblem
{
    Empty,
    NotPhoto,
    NotVideo,
    NotPdf,
    NotOffice,
    NotText,
}

/// <summary>
/// Checks a file's first bytes (magic numbers) against the kind its extension promises: a 0-byte ".jpg" or a sign-in page
/// saved as ".jpg" is not a photo and must not be counted as one. Used by chat intake and the upload page alike.
/// A photo may be any image format (phones rename PNG and HEIC freely); a video any video container.
/// </summary>
public static class ContentSniffer
{
    /// <summary>Bytes read before deciding; enough for every signature and a fair sample of a text file.</summary>
    public const int HeadBytes = 4096;

    private static readonly HashSet<string> Office = new([".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".dps"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Rtf = new([".doc", ".wps"], StringComparer.OrdinalIgnoreCase);

    // ISO base media brands that are still pictures (HEIF/HEIC, AVIF), not movies.
    private static readonly HashSet<string> ImageBrands = new(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis"], StringComparer.Ordinal);

    // QuickTime files without an ftyp box start with one of these atoms.
    private static readonly string[] QuickTimeAtoms = ["moov", "mdat", "wide", "free", "skip", "pnot"];

    /// <param name="complete">The whole file is in <paramref name="head"/> (a text may then not end in the middle of a character).</param>
    public static ContentProblem? Check(string fileName, ReadOnlySpan<byte> head, bool complete)
    {
        if (head.IsEmpty) return ContentProblem.Empty;
        var ext = Path.GetExtension(fileName);
        return MediaKinds.Of(fileName) switch
        {
            MediaKind.Photo => IsImage(head) ? null : ContentProblem.NotPhoto,
            MediaKind.Video => IsVideo(head) ? null : ContentProblem.NotVideo,
            _ when ext.Equals(".pdf", StringComparison.OrdinalIgnoreCase) => head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0 ? null : ContentProblem.NotPdf,
            // Word opens a .doc that is really .docx (and the other way round); encrypted OOXML files are OLE containers.
            _ when Office.Contains(ext) => IsOle(head) || IsZip(head) || (Rtf.Contains(ext) && head.StartsWith(@"{\rtf"u8)) ? null : ContentProblem.NotOffice,
            _ when ext.Equals(".txt", StringComparison.OrdinalIgnoreCase) => IsText(head, complete) ? null : ContentProblem.NotText,
            // Another extension the office allowed: anything that is not empty.
            _ => null,
        };
    }

    /// <summary>"网页.jpg（内容不是照片，…）" in the liaison's language.</summary>
    public static string Reason(Strings t, string fileName, ContentProblem problem) => problem switch
    {
        ContentProblem.Empty => t.Format("files_reason_empty", fileName),
        _ => t.Format("files_reason_content", fileName, t["files_kind_" + problem.ToString()[3..].ToLowerInvariant()]),
    };

    public static bool IsImage(ReadOnlySpan<byte> h) =>
        h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])                                  // JPEG
        || h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])  // PNG
        || h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)
        || (h.StartsWith("RIFF"u8) && h.Length >= 12 && h[8..12].SequenceEqual("WEBP"u8))
        || (h.StartsWith("BM"u8) && h.Length >= 14)
        || (Brand(h) is { } brand && ImageBrands.Contains(brand));

    public static bool IsVideo(ReadOnlySpan<byte> h)
    {
        if (Brand(h) is { } brand) return !ImageBrands.Contains(brand);                       // MP4, MOV (qt), M4V, 3GP …
        if (h.Length >= 8 && QuickTimeAtoms.Contains(Encoding.ASCII.GetString(h[4..8]))) return true; // older QuickTime
        return h.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])                      // WebM, Matroska
            || (h.StartsWith("RIFF"u8) && h.Length >= 12 && h[8..12].SequenceEqual("AVI "u8))
            || h.StartsWith((ReadOnlySpan<byte>)[0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11]); // ASF (WMV)
    }

    /// <summary>The major brand of an ISO base media file ("isom", "qt  ", "heic" …), or null when there is no ftyp box first.</summary>
    private static string? Brand(ReadOnlySpan<byte> h) =>
        h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8) ? Encoding.ASCII.GetString(h[8..12]) : null;

    private static bool IsOle(ReadOnlySpan<byte> h) => h.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    private static bool IsZip(ReadOnlySpan<byte> h) => h.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]);

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM, or GB 18030 / GBK; no NULs or stray control characters.</summary>
    public static bool IsText(ReadOnlySpan<byte> h, bool complete)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || h.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return true;
        if (h.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) h = h[3..];
        foreach (var b in h)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C or 0x1A or 0x1B)) return false;
        }
        return IsUtf8(h, complete) || IsGb18030(h, complete);
    }

    private static bool IsUtf8(ReadOnlySpan<byte> h, bool complete)
    {
        var chars = ArrayPool<char>.Shared.Rent(h.Length + 1);
        try
        {
            // Not the whole file: a character cut at the end of the sample is not an error.
            var status = Utf8.ToUtf16(h, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: complete);
            return status is System.Buffers.OperationStatus.Done || (!complete && status is System.Buffers.OperationStatus.NeedMoreData);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The byte structure of GB 18030 (a superset of GBK and GB 2312): 1, 2 or 4 bytes per character.</summary>
    private static bool IsGb18030(ReadOnlySpan<byte> h, bool complete)
    {
        for (var i = 0; i < h.Length;)
        {
            var b = h[i];
            if (b < 0x80) { i++; continue; }
            if (b is 0x80 or 0xFF) return false;
            if (i + 1 >= h.Length) return !complete;
            var b2 = h[i + 1];
            if (b2 is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFE)) { i += 2; continue; }
            if (b2 is < 0x30 or > 0x39) return false;
            if (i + 3 >= h.Length) return !complete;
            if (h[i + 2] is < 0x81 or > 0xFE || h[i + 3] is < 0x30 or > 0x39) return false;
            i += 4;
        }
        return true;
    }
}
