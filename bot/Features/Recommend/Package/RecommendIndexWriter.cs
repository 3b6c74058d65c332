using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Exports.Writers;
using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend.Package;

/// <summary>
/// 推荐素材清单 (xlsx): one row per picked item in the package's order — department, day, kind, title or first line, the
/// file's name in the zip, its original name, size, reason, who picked it, whether it is in the zip, and its SharePoint
/// link (for a video too large for the zip, the link is how the city gets it).
/// </summary>
public sealed class RecommendIndexWriter(PackageReader reader, ExportOptions options, TimeProvider time) : IExportWriter
{
    private const int HeaderRows = 3;
    private const int TitleLength = 80;

    public ExportKind Kind => ExportKind.RecommendIndex;

    public string Extension => ".xlsx";

    public IReadOnlyList<string> Folder => [PackageFolder.Name];

    public string FileStem(ActiveWeek week, Strings t) => t["recommend_package_xlsx"];

    public Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct) =>
        Task.Run(() => Write(week, reader.Read(week), t, output, ct), ct);

    private void Write(ActiveWeek week, IReadOnlyList<PackageItem> items, Strings t, Stream output, CancellationToken ct)
    {
        string[] header =
        [
            t["export_col_number"], t["export_col_department"], t["export_col_date"], t["recommend_col_kind"], t["recommend_col_title"],
            t["recommend_col_zip_name"], t["export_col_original_name"], t["export_col_size"], t["recommend_col_reason"],
            t["recommend_col_picked_by"], t["recommend_col_in_zip"], t["export_col_link"],
        ];
        var layout = new SheetLayout(t["recommend_package_sheet"], [6, 20, 12, 12, 40, 40, 26, 11, 30, 10, 10, 60], HeaderRows, 2);
        var title = ExportText.SchoolTitle(week.Definition, t.Format("recommend_package_xlsx_title", week.Definition.Title), t);
        using var book = new XlsxBook(output, title, time.GetUtcNow(), ExportText.SheetFont(t), [layout]);
        List<string> merges = [CellRef.Range(1, 1, header.Length, 1), CellRef.Range(1, 2, header.Length, 2)];
        book.Sheet(sheet =>
        {
            sheet.BeginRow(32);
            sheet.Text(title, SheetStyle.Title);
            sheet.BeginRow(20);
            sheet.Text(ExportText.HeadingLine(week.Definition, t), SheetStyle.Subtitle);
            sheet.BeginRow(32);
            foreach (var h in header) sheet.Text(h, SheetStyle.Header);
            foreach (var item in items)
            {
                ct.ThrowIfCancellationRequested();
                Row(sheet, item, t);
            }
            sheet.BeginRow();
            sheet.Text(t.Format("recommend_package_sheet_note", items.Count, ExportFormat.Size(options.RecommendMaxVideoBytes)), SheetStyle.Note);
            merges.Add(CellRef.Range(1, sheet.Row, header.Length, sheet.Row));
        }, () => merges, ExportText.PageFooter(t));
    }

    private static void Row(SheetWriter sheet, PackageItem item, Strings t)
    {
        sheet.BeginRow();
        sheet.Number(item.Number, SheetStyle.Centered);
        sheet.Text(item.Department.Name);
        sheet.Date(item.Day.ToDateTime(TimeOnly.MinValue), SheetStyle.Date);
        sheet.Text(t[$"recommend_kind_{item.Kind.ToString().ToLowerInvariant()}"], SheetStyle.Centered);
        var line = item.Text?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? item.Media?.OriginalName ?? "";
        sheet.Text(line.Length > TitleLength ? line[..TitleLength] + "…" : line);
        sheet.Text(item.ZipName ?? "");
        sheet.Text(item.Media?.OriginalName ?? "");
        if (item.Media is { } m) sheet.Number(Math.Round(m.Size / 1024.0, 2), SheetStyle.Decimal);
        else sheet.Empty(SheetStyle.Decimal);
        sheet.Text(item.Pick.Reason ?? "");
        sheet.Text(item.Pick.ByName, SheetStyle.Centered);
        sheet.Text(item.Media is null ? t["recommend_in_docx"] : item.InZip ? t["export_yes"] : t["recommend_linked"], SheetStyle.Centered);
        if (item.Media?.WebUrl is { Length: > 0 } url) sheet.Link(url);
        else sheet.Text(item.Media is null ? "" : item.Linked ? t["recommend_link_missing"] : t["export_media_local"]);
    }
}
