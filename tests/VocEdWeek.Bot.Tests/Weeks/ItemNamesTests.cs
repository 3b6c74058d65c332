using System.Globalization;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Weeks;

/// <summary>
/// What each item is called, in both languages, wherever it appears: the texts and folder names the features wrote with
/// their own switches before <see cref="ItemNames"/> said them in one place (cards, files and exports compare against these).
/// </summary>
public sealed class ItemNamesTests
{
    private static readonly Strings Zh = Strings.For(CultureInfo.GetCultureInfo("zh-CN"));
    private static readonly Strings En = Strings.For(CultureInfo.GetCultureInfo("en-US"));
    private static readonly WeekItem Plan = new(ItemKind.Plan);
    private static readonly WeekItem May14 = new(ItemKind.DailyReport, new DateOnly(2024, 5, 14));
    private static readonly WeekItem Statistics = new(ItemKind.Statistics);
    private static readonly WeekItem Summary = new(ItemKind.Summary);

    [Fact]
    public void Titles()
    {
        Assert.Equal(["方案与信息采集表", "5月14日（周二）日报", "情况统计表", "活动周总结"], Names(ItemNames.Title, Zh));
        Assert.Equal(["Plan and information form", "Daily report for Tue, May 14", "Statistics table", "Week summary"], Names(ItemNames.Title, En));
    }

    [Fact]
    public void File_labels()
    {
        Assert.Equal(["活动方案", "5月14日 日报", "统计表", "活动周总结"], Names(ItemNames.FileLabel, Zh));
        Assert.Equal(["activity plan", "report of May 14", "statistics table", "week summary"], Names(ItemNames.FileLabel, En));
    }

    [Fact]
    public void Form_commands_and_exemption_words()
    {
        Assert.Equal(["计划", "日报 5月14日", "统计", "总结"], Names(ItemNames.Command, Zh));
        Assert.Equal(["plan", "report May 14", "stats", "summary"], Names(ItemNames.Command, En));
        Assert.Equal(["计划", "5月14日", "统计", "总结"], Names(ItemNames.ExemptionWord, Zh));
        Assert.Equal(["plan", "May 14", "statistics", "summary"], Names(ItemNames.ExemptionWord, En));
    }

    [Fact]
    public void Dashboard_columns_and_export_names()
    {
        Assert.Equal(["方案", "5月14日", "统计", "总结"], Names(ItemNames.Column, Zh));
        Assert.Equal(["Plan", "May 14", "Stats", "Summary"], Names(ItemNames.Column, En));
        Assert.Equal(["方案与信息采集表", "5月14日日报", "情况统计表", "活动周总结"], Names(ItemNames.InExport, Zh));
        Assert.Equal(["Plan and information form", "Report May 14", "Statistics table", "Week summary"], Names(ItemNames.InExport, En));
    }

    [Fact]
    public void Kinds_in_the_settings()
    {
        Assert.Equal(["计划和信息采集表", "日报", "情况统计表", "总结"], Enum.GetValues<ItemKind>().Select(k => ItemNames.KindName(k, Zh)));
        Assert.Equal(["Plan and information form", "Daily report", "Statistics table", "Summary"],
            Enum.GetValues<ItemKind>().Select(k => ItemNames.KindName(k, En)));
    }

    [Fact]
    public void Folders_are_the_same_in_every_language_and_an_unknown_item_goes_with_the_summary() =>
        Assert.Equal(["计划", "2024-05-14", "统计", "总结", "总结"], new[] { Plan, May14, Statistics, Summary, null }.Select(ItemNames.Folder));

    private static IEnumerable<string> Names(Func<WeekItem, Strings, string> name, Strings t) =>
        new[] { Plan, May14, Statistics, Summary }.Select(i => name(i, t));
}
