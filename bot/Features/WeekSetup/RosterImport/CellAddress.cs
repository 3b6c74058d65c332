namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>"B12" → row 12, column 1 (0-based columns, 1-based rows, as Excel numbers rows).</summary>
internal static class CellAddress
{
    public static bool TryParse(string reference, out int row, out int column)
    {
        row = 0;
        column = -1;
        var i = 0;
        var letters = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            letters = letters * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (letters > 16384) return false;
            i++;
        }
        if (i == 0 || !int.TryParse(reference.AsSpan(i), out row) || row < 1) return false;
        column = letters - 1;
        return true;
    }
}
