using System.Globalization;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>File sizes as people read them: "820 KB", "12.4 MB", "2 GB".</summary>
public static class UploadSizes
{
    public static string Format(long bytes)
    {
        const double Mb = 1024 * 1024, Gb = Mb * 1024;
        if (bytes < Mb) return Math.Max(1, (long)Math.Round(bytes / 1024.0)).ToString(CultureInfo.InvariantCulture) + " KB";
        if (bytes < Gb) return (bytes / Mb).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
        return (bytes / Gb).ToString("0.##", CultureInfo.InvariantCulture) + " GB";
    }
}
