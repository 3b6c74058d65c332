using CsvHelper;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// A .csv read once per delimiter a list may use (comma, then tab, then semicolon); the first reading whose header
/// is recognized is the right one. Row numbers are the file's line numbers, as a text editor shows them.
/// </summary>
internal static class CsvTables
{
    private static readonly char[] Separators = [',', '\t', ';'];

    /// <summary>The readings, or null when the file is not text.</summary>
    public static IReadOnlyList<RawTable>? Read(byte[] bytes)
    {
        var text = TextDecoding.Decode(bytes);
        if (text is null) return null;
        try
        {
            return Separators.Select(d => Table(text, d)).ToList();
        }
        catch (CsvFormatException)
        {
            // A record past the size limit (an unclosed quote swallowing the file): not a list we can read.
            return null;
        }
    }

    private static RawTable Table(string text, char separator)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = false,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            MaxRecordSize = 1 << 20,
        };
        using var reader = CsvReader.FromText(text, options);
        var grid = new SheetGrid();
        while (reader.Read())
        {
            var record = reader.Current.ToArray();
            for (var c = 0; c < record.Length; c++) grid.Set((int)Math.Min(reader.LineNumber, int.MaxValue), c, CellText.Clean(record[c]));
        }
        return grid.ToTable();
    }
}
