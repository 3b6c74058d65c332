namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>A1-style references: column 1 = "A", 27 = "AA".</summary>
public static class CellRef
{
    public static string Column(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    public static string Of(int column, int row) => Column(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Range(int firstColumn, int firstRow, int lastColumn, int lastRow) => $"{Of(firstColumn, firstRow)}:{Of(lastColumn, lastRow)}";
}
