using System.Text;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Features.WeekSetup;
using VocEdWeek.Bot.Features.WeekSetup.Notice;
using VocEdWeek.Bot.Features.WeekSetup.RosterImport;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// The setting-up cards (the draft week from a notice, the liaison list preview, the receipt) from the real builders, checked
/// with the official npm packages; written to artifacts/cards/setup-*.json.
/// </summary>
public sealed class WeekSetupSamples
{
    public WeekSetupSamples()
    {
        var cards = new CardTemplates(Path.Combine(Fakes.RepoPaths.Root, "cards"));
        var week = new ActiveWeek(WeekLoader.Load(Path.Combine(Fakes.RepoPaths.Samples, "2024-wuxi.json")));
        var notice = File.ReadAllText(Path.Combine(Fakes.RepoPaths.Root, "tests", "VocEdWeek.Bot.Tests", "TestData", "notices", "2024-wuxi-college.txt"));
        var draft = NoticeParser.Parse(notice, new NoticeParseOptions { Today = new DateOnly(2024, 5, 1) });
        var sparse = NoticeParser.Parse("关于开展职业教育活动周的通知\n活动时间：5月12日至18日。", new NoticeParseOptions { Today = new DateOnly(2024, 5, 1) });
        var sheet = RosterFile.Read(File.ReadAllBytes(Path.Combine(Fakes.RepoPaths.Root, "tests", "VocEdWeek.Bot.Tests", "TestData", "rosters", Messy)), Messy).Sheet!;
        var preview = RosterPreview.Compare(week.Definition.Departments, sheet);
        foreach (var (lang, t) in new[] { ("zh", Strings.For("zh-CN")), ("en", Strings.For("en-US")) })
        {
            All.Add(new CardSample($"draft-2024.{lang}", WeekDraftCard.Template, WeekDraftCard.Data("d1", draft, "2024年职业教育活动周通知.docx", week, null, t, true), new WeekDraftCard(cards).Render("d1", draft, "2024年职业教育活动周通知.docx", week, null, t)));
            All.Add(new CardSample($"draft-sparse.{lang}", WeekDraftCard.Template, WeekDraftCard.Data("d2", sparse, t["setup_source_text"], null, t["setup_end_before_start"], t, false), new WeekDraftCard(cards).Render("d2", sparse, t["setup_source_text"], null, t["setup_end_before_start"], t, false)));
            var rendered = new RosterPreviewCard(cards).Render("i1", preview, Messy, week, t);
            All.Add(new CardSample($"roster-preview.{lang}", RosterPreviewCard.Template, RosterPreviewCard.Data("i1", preview, preview.Lines(t), preview.Lines(t).Count, Messy, week, t), rendered));
            All.Add(new CardSample($"receipt.{lang}", SetupReceipt.Template, SetupReceipt.Data(t.Format("import_applied", 12, 20), [t.Format("import_applied_detail", week.Definition.Title)], true), new SetupReceipt(cards).Render(t.Format("import_applied", 12, 20), [t.Format("import_applied_detail", week.Definition.Title)], true)));
        }
        Files = CardSampleChecks.Write("setup", All.Select(s => (s.Name, s.Card)));
    }

    public const string Messy = "05-missing-malformed-emails.xlsx";

    public List<CardSample> All { get; } = [];

    public IReadOnlyList<string> Files { get; }
}

public sealed class WeekSetupSamplesTests(WeekSetupSamples samples) : IClassFixture<WeekSetupSamples>
{
    [Fact]
    public void TheDraft_MarksWhatTheNoticeDidNotSay_AndThePreviewNamesRows()
    {
        var sparse = CardJson.Show(samples.All.Single(s => s.Name == "draft-sparse.zh").Card);
        Assert.Contains("通知中未找到：", sparse, StringComparison.Ordinal);
        Assert.Contains("主题（未识别，请填写）", sparse, StringComparison.Ordinal);
        Assert.Contains("每日报送截止时间（未识别，请填写）", sparse, StringComparison.Ordinal);
        Assert.DoesNotContain("第一天（未识别", sparse, StringComparison.Ordinal);
        var preview = CardJson.Show(samples.All.Single(s => s.Name == "roster-preview.zh").Card);
        Assert.Contains("第 ", preview, StringComparison.Ordinal);
        Assert.Contains("roster.apply", preview, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySample_HasNothingLeftUnbound_AndFitsIn28KB()
    {
        Assert.Equal(8, samples.All.Count);
        foreach (var sample in samples.All)
        {
            Assert.DoesNotContain("${", CardJson.Show(sample.Card), StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetByteCount(sample.Card.ToJsonString());
            Assert.True(bytes <= CardBudget.MaxBytes, $"{sample.Name} is {bytes} bytes; Teams cards must stay within 28 KB.");
        }
    }

    [Fact]
    public void OurExpansion_MatchesAdaptiveCardsTemplating() => CardSampleChecks.ExpansionMatchesNpm(samples.All, "setup");

    [Fact]
    public void AdaptiveCardsParser_Finds0Errors0Warnings() => CardSampleChecks.ParserFindsNothing([.. samples.Files]);

    [Fact]
    public void EveryCard_RendersToPng_InChromium() => CardSampleChecks.RendersToPng(samples.All, [.. samples.Files], "setup");
}
