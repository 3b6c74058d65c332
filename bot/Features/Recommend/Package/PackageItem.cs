using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend.Package;

/// <summary>
/// One picked item as the package shows it. <see cref="Number"/> is the same in 推荐素材清单 and in the zip's file names,
/// so the city office can find a row's file and a file's row.
/// </summary>
public sealed record PackageItem(int Number, Department Department, DateOnly Day, PickKind Kind, Pick Pick, string Author)
{
    /// <summary>The report's current text for a case, story or featured report; null for photos and videos.</summary>
    public string? Text { get; init; }

    /// <summary>The photo or video; null for the texts.</summary>
    public MediaRecord? Media { get; init; }

    /// <summary>Its name in the zip, <c>{部门}_{日期}_{序号}_{原名}</c>; null for texts.</summary>
    public string? ZipName { get; init; }

    /// <summary>A video over <c>Exports:RecommendMaxVideoBytes</c>: linked in the sheet instead of copied into the zip.</summary>
    public bool Linked { get; init; }

    public bool InZip => Media is not null && !Linked;

    public string ItemKey => new WeekItem(ItemKind.DailyReport, Day).Key;
}
