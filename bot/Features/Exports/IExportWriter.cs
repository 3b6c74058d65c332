using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>The files the office passes upward (issue: exports).</summary>
public enum ExportKind
{
    /// <summary>情况统计表 (xlsx), laid out like the notice's attachment 2.</summary>
    Statistics,
    /// <summary>信息采集表 / 方案汇总 (xlsx): departments and all planned activities.</summary>
    PlanInfo,
    /// <summary>日报登记表 (xlsx): department × day, time and status, counts.</summary>
    ReportRegister,
    /// <summary>媒体素材清单 (xlsx): every photo/video/document with its link.</summary>
    MediaIndex,
    /// <summary>活动周总结汇编 (docx).</summary>
    SummaryCompilation,
    /// <summary>The week file itself (json), for admins ("导出活动周设置"); never part of "导出全部".</summary>
    WeekSettings,
    /// <summary>推荐材料汇编 (docx): the office's picks with their texts and photos, for the city or province (择优推荐).</summary>
    RecommendCompilation,
    /// <summary>推荐素材清单 (xlsx): every picked item with its file name, size and link.</summary>
    RecommendIndex,
    /// <summary>推荐素材 (zip): the picked photos and videos, renamed {部门}_{日期}_{序号}_{原名}.</summary>
    RecommendMedia,
}

/// <summary>
/// Writes one export of one week to a stream, from what is stored, reading records in a streaming way
/// (never every record of the week at once). One implementation per <see cref="ExportKind"/>.
/// </summary>
public interface IExportWriter
{
    ExportKind Kind { get; }

    /// <summary>".xlsx", ".docx" or ".zip".</summary>
    string Extension { get; }

    /// <summary>Folders below the week's 导出 folder; the recommendation package keeps its three files together in 推荐材料.</summary>
    IReadOnlyList<string> Folder => [];

    /// <summary>A readable file name without extension, e.g. "2024年职业教育活动周情况统计表".</summary>
    string FileStem(ActiveWeek week, Strings t);

    /// <summary>Writes the document; <paramref name="output"/> is a seekable file stream the caller owns.</summary>
    Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct);
}
