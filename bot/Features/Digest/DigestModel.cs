using System.Text.Json.Nodes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Digest;

/// <summary>Everything one digest says, already in the week's language; <see cref="DigestCards"/> lays it out.</summary>
public sealed record DigestModel(
    ActiveWeek Week,
    WeekItem Item,
    string Title,
    string Subtitle,
    IReadOnlyList<DigestCount> Counts,
    IReadOnlyList<string> Highlights,
    string Media,
    string Uploads,
    IReadOnlyList<DigestMissing> Missing,
    IReadOnlyList<string> DayLabels,
    IReadOnlyList<DigestRow> Rows,
    string GridNote);

public sealed record DigestCount(string Label, int Value, string Color);

/// <summary>A missing department: its line ("**机电工程学院**　&lt;at&gt;张伟&lt;/at&gt;") and the mention entities it needs.</summary>
public sealed record DigestMissing(string DepartmentId, string Line, IReadOnlyList<JsonObject> Mentions);

public sealed record DigestRow(string DepartmentId, string Name, IReadOnlyList<DigestCell> Cells);

/// <summary>A grid cell: ✓ 迟 补 ✗ 免 · and its Adaptive Cards colour.</summary>
public sealed record DigestCell(string Symbol, string Color);
