using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// TEMPORARY stand-in until the real export writers land (the lead deletes this file and the one call to
/// <see cref="AddStandInWriters"/> at merge). A tiny valid xlsx with one cell; the export tests assert on delivery only
/// (links, bytes, permissions, consent), never on what a writer puts in the file, so they pass with the real writers too.
/// </summary>
public sealed class StandInStatisticsWriter(ExportKind kind = ExportKind.Statistics) : IExportWriter
{
    public ExportKind Kind => kind;

    public string Extension => ".xlsx";

    public string FileStem(ActiveWeek week, Strings t) => week.Definition.Title + ExportFormat.Title(kind, t);

    public Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        sheet.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellValue = new CellValue(week.Definition.Title), DataType = CellValues.String })));
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        return Task.CompletedTask;
    }

    /// <summary>One stand-in per kind, only when no real writer is registered.</summary>
    public static void AddStandInWriters(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IExportWriter))) return;
        foreach (var k in Enum.GetValues<ExportKind>()) services.AddSingleton<IExportWriter>(new StandInStatisticsWriter(k));
    }
}
