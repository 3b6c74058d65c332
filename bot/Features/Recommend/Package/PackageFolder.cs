namespace VocEdWeek.Bot.Features.Recommend.Package;

/// <summary>The package's folder below 导出: the same in every language, so the office finds one place.</summary>
public static class PackageFolder
{
    public const string Name = "推荐材料";
}
