using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// Reads the liaison list the office uploads (.xlsx or .csv) into a <see cref="RosterSheet"/>. Garbage gives a
/// failure key, never an exception: the office only ever sees a message saying what to fix.
/// </summary>
public static class RosterFile
{
    public static RosterRead Read(byte[] bytes, string fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv")) return RosterRead.Fail(RosterRead.WrongType);
        var tables = extension == ".xlsx" ? Xlsx(bytes) : CsvTables.Read(bytes);
        return tables is null ? RosterRead.Fail(RosterRead.Corrupt) : First(tables);
    }

    /// <summary>The first table with a recognized header decides; a workbook may open with an instructions sheet.</summary>
    private static RosterRead First(IReadOnlyList<RawTable> tables)
    {
        foreach (var table in tables)
        {
            var read = RosterRows.Parse(table);
            if (read.FailureKey == RosterRead.NoHeader) continue;
            return table.Truncated ? RosterRead.Fail(RosterRead.TooLarge) : read;
        }
        return RosterRead.Fail(tables.All(t => t.Rows.Count == 0) ? RosterRead.NoRows : RosterRead.NoHeader);
    }

    private static IReadOnlyList<RawTable>? Xlsx(byte[] bytes)
    {
        try
        {
            return XlsxTables.Read(bytes);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or XmlException
            or FormatException or InvalidOperationException or ArgumentException or NotSupportedException or KeyNotFoundException)
        {
            // Not a zip, a zip that is not a workbook, or a workbook with broken parts: all "cannot open".
            return null;
        }
    }
}
