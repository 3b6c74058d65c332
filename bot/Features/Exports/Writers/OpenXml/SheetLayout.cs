namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>
/// How a sheet is set up before its rows: name (≤ 31 characters), column widths (in characters), the rows and columns
/// kept in view when scrolling (and repeated on every printed page), printed landscape and fitted to the page width.
/// </summary>
public sealed record SheetLayout(string Name, IReadOnlyList<double> Widths, int FrozenRows, int FrozenColumns)
{
    /// <summary>Excel refuses sheet names longer than 31 characters or with []:*?/\.</summary>
    public string SafeName => new string(Name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray()) is var s && s.Length > 31 ? s[..31] : s;
}
