using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Exports.Writers;
using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend.Package;

/// <summary>
/// 推荐材料汇编 (docx): title, school and week, then per department (Heading 1) each report day with picks (Heading 2): the
/// picked case, story and featured report (Heading 3) with author and reason, then the picked photos of that report,
/// embedded as they are and scaled to the page, each with a caption. Videos are named (they are in the zip).
/// </summary>
public sealed class RecommendCompilationWriter(PackageReader reader, MediaContent content, TimeProvider time) : IExportWriter
{
    public ExportKind Kind => ExportKind.RecommendCompilation;

    public string Extension => ".docx";

    public IReadOnlyList<string> Folder => [PackageFolder.Name];

    public string FileStem(ActiveWeek week, Strings t) => t["recommend_package_docx"];

    public async Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct)
    {
        var items = reader.Read(week);
        var byNumber = items.ToDictionary(i => i.Number);
        var images = await ImagesAsync(items, ct);
        var title = ExportText.SchoolTitle(week.Definition, t.Format("recommend_package_docx_title", week.Definition.Title), t);
        await DocxDocument.WriteAsync(output, title, time.GetUtcNow(), ExportText.DocFonts(t), [.. images.Values], body =>
        {
            body.Title(title);
            body.Subtitle(t.Format("export_dates", ExportText.Dates(week.Definition, t)));
            body.Subtitle(t.Format("export_compiled_by", ExportText.Owner(week.Definition, t)));
            body.Text(Overview(items, t));
            foreach (var department in items.GroupBy(i => i.Department))
            {
                ct.ThrowIfCancellationRequested();
                body.Heading(1, department.Key.Name);
                foreach (var day in department.GroupBy(i => i.Day)) Day(body, day.Key, [.. day], images, t);
            }
            if (items.Count == 0) body.Note(t["recommend_package_empty"]);
        }, async (image, part) =>
        {
            // A picture's index is its item's number (图 n = row n of 推荐素材清单).
            await using var source = await content.OpenAsync(byNumber[image.Index].Media!, thumbnail: false, ct)
                ?? throw new IOException($"Picked photo {image.Key} can no longer be read.");
            await source.CopyToAsync(part, ct);
        });
    }

    private static void Day(BodyWriter body, DateOnly day, IReadOnlyList<PackageItem> items, IReadOnlyDictionary<int, DocImage> images, Strings t)
    {
        body.Heading(2, WeekTime.Day(day, t));
        foreach (var item in items.Where(i => i.Text is not null))
        {
            body.Heading(3, t[$"recommend_kind_{item.Kind.ToString().ToLowerInvariant()}"]);
            body.Labeled(t["recommend_package_author"], item.Author);
            if (!string.IsNullOrWhiteSpace(item.Pick.Reason)) body.Labeled(t["recommend_package_reason"], item.Pick.Reason);
            body.Text(item.Text);
        }
        var photos = items.Where(i => i.Kind == PickKind.Photo).ToList();
        if (photos.Count > 0) body.Heading(3, t["recommend_package_photos"]);
        foreach (var photo in photos)
        {
            var caption = Caption(photo, t);
            if (images.TryGetValue(photo.Number, out var image)) body.Picture(image, caption);
            else body.Note(t.Format("recommend_package_not_embedded", caption));
        }
        var videos = items.Where(i => i.Kind == PickKind.Video).ToList();
        if (videos.Count > 0) body.Labeled(t["recommend_package_videos"], string.Join(t["list_separator"], videos.Select(v => v.ZipName ?? v.Media!.OriginalName)));
    }

    /// <summary>"图 3　机电工程学院 5月14日（周二）　开幕式.jpg（摄：张伟）　推荐理由：…".</summary>
    private static string Caption(PackageItem photo, Strings t)
    {
        var caption = t.Format("recommend_package_caption", photo.Number, photo.Department.Name, WeekTime.Day(photo.Day, t), photo.Media!.OriginalName, photo.Author);
        return string.IsNullOrWhiteSpace(photo.Pick.Reason) ? caption : caption + t["export_separator"] + t["recommend_package_reason"] + photo.Pick.Reason;
    }

    private static string Overview(IReadOnlyList<PackageItem> items, Strings t) => t.Format("recommend_package_overview",
        items.Select(i => i.Department.Id).Distinct().Count(), items.Count(i => i.Kind == PickKind.Case), items.Count(i => i.Kind == PickKind.Story),
        items.Count(i => i.Kind == PickKind.Featured), items.Count(i => i.Kind == PickKind.Photo), items.Count(i => i.Kind == PickKind.Video));

    /// <summary>
    /// Reads each picked photo's header (its first bytes only) for its size; keyed by the item's number, which is also
    /// the picture's index. A photo Word cannot show (HEIC, WebP) is named instead of embedded; it is in the zip anyway.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, DocImage>> ImagesAsync(IReadOnlyList<PackageItem> items, CancellationToken ct)
    {
        var images = new SortedDictionary<int, DocImage>();
        foreach (var item in items.Where(i => i.Kind == PickKind.Photo && i.Media is not null))
        {
            await using var stream = await content.OpenAsync(item.Media!, thumbnail: false, ct);
            if (stream is null || await ImageSize.ReadAsync(stream, ct) is not { } size) continue;
            images[item.Number] = DocImage.Fit(item.Number, item.Media!.Id, size);
        }
        return images;
    }
}
