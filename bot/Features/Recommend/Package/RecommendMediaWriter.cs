using System.IO.Compression;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend.Package;

/// <summary>
/// 推荐素材 (zip): the picked photos and videos under their package names, copied stream to stream into entries stored
/// without compression (photos and videos are compressed already; deflating gigabytes would only cost time). Memory
/// does not grow with the files' size. Videos over the limit are left out: the sheet links them.
/// </summary>
public sealed partial class RecommendMediaWriter(PackageReader reader, MediaContent content, ILogger<RecommendMediaWriter> logger) : IExportWriter
{
    public ExportKind Kind => ExportKind.RecommendMedia;

    public string Extension => ".zip";

    public IReadOnlyList<string> Folder => [PackageFolder.Name];

    public string FileStem(ActiveWeek week, Strings t) => t["recommend_package_zip"];

    public async Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct)
    {
        // Chinese entry names are written as UTF-8 with the zip's language flag, which Windows' own zip folder reads.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var item in reader.Read(week).Where(i => i.InZip))
        {
            await using var source = await content.OpenAsync(item.Media!, thumbnail: false, ct);
            if (source is null)
            {
                LogUnreadable(logger, item.Media!.Id, week.Definition.Id);
                continue;
            }
            var entry = zip.CreateEntry(item.ZipName!, CompressionLevel.NoCompression);
            entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(item.Media!.ReceivedAt, DateTimeKind.Utc));
            await using var target = entry.Open();
            await source.CopyToAsync(target, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recommendation package of week {WeekId}: picked file {MediaId} cannot be read, left out of the zip")]
    private static partial void LogUnreadable(ILogger logger, string mediaId, string weekId);
}
