namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// What "导出…" / "export …" asked for: the kinds (empty when none was recognised, e.g. "导出照片墙"), and which week
/// when one was named (by id or title, or by year).
/// </summary>
public sealed record ExportRequest(IReadOnlyList<ExportKind> Kinds, bool All, string? WeekId, int? Year, string Rest)
{
    public bool Understood => Kinds.Count > 0;
}
