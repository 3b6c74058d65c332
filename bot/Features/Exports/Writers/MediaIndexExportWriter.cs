using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports.Writers;

/// <summary>
/// 媒体素材清单: every photo, video and document received, department by department in the order they came, with its
/// SharePoint link once uploaded — otherwise where it is (kept on the server, waiting for SharePoint, upload failed).
/// </summary>
public sealed class MediaIndexExportWriter(ExportSource source, TimeProvider time) : IExportWriter
{
    private const int HeaderRows = 3;
    private const int SizeColumn = 8;

    public ExportKind Kind => ExportKind.MediaIndex;

    public string Extension => ".xlsx";

    public string FileStem(ActiveWeek week, Strings t) => t.Format("export_media_title", week.Definition.Title);

    public Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct) =>
        Task.Run(() => Write(source.Start(week), t, output, ct), ct);

    private void Write(ExportRun run, Strings t, Stream output, CancellationToken ct)
    {
        var zone = ExportText.Zone(run, t);
        string[] header =
        [
            t["export_col_number"], t["export_col_department"], t["export_col_item"], t["export_col_date"], t["export_col_kind"],
            t["export_col_file_name"], t["export_col_original_name"], t["export_col_size"], t.Format("export_col_received", zone),
            t["export_col_from"], t["export_col_link"], t["export_col_picked"],
        ];
        var layout = new SheetLayout(t["export_media_sheet"], [6, 22, 16, 12, 7, 30, 26, 11, 17, 10, 60, 10], HeaderRows, 2);
        var title = FileStem(run.Week, t);
        using var book = new XlsxBook(output, title, time.GetUtcNow(), ExportText.SheetFont(t), [layout]);
        var merges = new List<string> { CellRef.Range(1, 1, header.Length, 1), CellRef.Range(1, 2, header.Length, 2) };
        book.Sheet(sheet =>
        {
            sheet.BeginRow(32);
            sheet.Text(title, SheetStyle.Title);
            sheet.BeginRow(20);
            sheet.Text(ExportText.HeadingLine(run.Week.Definition, t) + t["export_separator"] + ExportText.AsOf(run, t), SheetStyle.Subtitle);
            sheet.BeginRow(32);
            foreach (var h in header) sheet.Text(h, SheetStyle.Header);

            var number = 0;
            var counts = new int[3];
            double kilobytes = 0;
            foreach (var department in run.DepartmentList)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var m in Ordered(run.Media(department)))
                {
                    var item = WeekItem.Parse(m.ItemKey);
                    var received = run.Local(m.ReceivedAt);
                    sheet.BeginRow();
                    sheet.Number(++number, SheetStyle.Centered);
                    sheet.Text(department.Name);
                    sheet.Text(item is null ? m.ItemKey : ItemNames.InExport(item, t), SheetStyle.Centered);
                    var day = item?.Day?.ToDateTime(TimeOnly.MinValue) ?? received.Date;
                    sheet.Date(day, SheetStyle.Date);
                    sheet.Text(t[$"export_kind_{m.Kind.ToString().ToLowerInvariant()}"], SheetStyle.Centered);
                    sheet.Text(m.FileName);
                    sheet.Text(m.OriginalName != m.FileName ? m.OriginalName : "");
                    var kb = Math.Round(m.Size / 1024.0, 2);
                    sheet.Number(kb, SheetStyle.Decimal);
                    kilobytes += kb;
                    sheet.Date(received);
                    sheet.Text(m.FromName, SheetStyle.Centered);
                    Where(sheet, m, t);
                    sheet.Text(Picked(run, m) ? t["export_mark_picked"].Trim() : "", SheetStyle.Centered);
                    counts[(int)m.Kind]++;
                }
            }

            var lastData = sheet.Row;
            sheet.BeginRow(22);
            sheet.Text(t.Format("export_media_total", number, counts[(int)MediaKind.Photo], counts[(int)MediaKind.Video], counts[(int)MediaKind.Document]), SheetStyle.TotalLabel);
            for (var c = 2; c < SizeColumn; c++) sheet.Empty(SheetStyle.TotalLabel);
            merges.Add(CellRef.Range(1, sheet.Row, SizeColumn - 1, sheet.Row));
            var column = CellRef.Column(SizeColumn);
            if (number > 0) sheet.Formula($"SUM({column}{HeaderRows + 1}:{column}{lastData})", Math.Round(kilobytes, 2), SheetStyle.TotalDecimal);
            else sheet.Number(0, SheetStyle.TotalDecimal);
            for (var c = SizeColumn + 1; c <= header.Length; c++) sheet.Empty(SheetStyle.TotalText);
            sheet.BeginRow();
            sheet.Text(t["export_media_note"], SheetStyle.Note);
        }, () => merges, ExportText.PageFooter(t));
    }

    /// <summary>Plan first, then the days, statistics and summary; within an item, as they came.</summary>
    private static IEnumerable<MediaRecord> Ordered(IReadOnlyList<MediaRecord> files) =>
        files.Select(m => (File: m, Item: WeekItem.Parse(m.ItemKey)))
            .OrderBy(x => x.Item is null ? int.MaxValue : (int)x.Item.Kind)
            .ThenBy(x => x.Item?.Day ?? DateOnly.MinValue)
            .ThenBy(x => x.File.ReceivedAt)
            .Select(x => x.File);

    /// <summary>Whether the office picked this photo or video for the recommendation package.</summary>
    private static bool Picked(ExportRun run, MediaRecord m) => m.Kind switch
    {
        MediaKind.Photo => run.Marks.Has(m.DepartmentId, m.ItemKey, PickKind.Photo, m.Id),
        MediaKind.Video => run.Marks.Has(m.DepartmentId, m.ItemKey, PickKind.Video, m.Id),
        _ => false,
    };

    /// <summary>The SharePoint link once uploaded, otherwise where the file is now.</summary>
    private static void Where(SheetWriter sheet, MediaRecord m, Strings t)
    {
        if (m.State == MediaState.Pending) { sheet.Text(t["export_media_receiving"]); return; }
        if (m.Remote == RemoteState.Uploaded && !string.IsNullOrWhiteSpace(m.WebUrl)) { sheet.Link(m.WebUrl); return; }
        sheet.Text(m.Remote switch
        {
            RemoteState.Waiting => t["export_media_waiting"],
            RemoteState.Failed => t.Format("export_media_failed", m.RemoteError ?? ""),
            RemoteState.Uploaded => t["export_media_uploaded_no_link"],
            _ => t["export_media_local"],
        });
    }
}
