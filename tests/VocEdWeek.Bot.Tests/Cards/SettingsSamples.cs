using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// The settings cards as an admin sees them — "设置" in both languages, a confirm card, the applied and the refused
/// receipt — written expanded to artifacts/cards/settings-*.json for the node checks.
/// </summary>
public sealed class SettingsSamples
{
    private readonly List<CardSample> _samples = [];

    public SettingsSamples()
    {
        var week = new ActiveWeek(WeekLoader.Load(Path.Combine(Fakes.RepoPaths.Samples, "2024-wuxi.json")));
        var cards = new SettingsCards(new CardTemplates(Path.Combine(RepoPaths.Root, "cards")), new OfficeAdmins(["ad000000-0000-4000-8000-000000000001"]));
        var zh = Strings.For("zh-CN");
        var en = Strings.For("en-US");
        var replace = new ChangePreview("liaison.replace", "机电工程学院", "张伟 <zhangwei@college.example.edu.cn>", "李明 <liming@college.example.edu.cn>");
        var pending = new PendingChange { Id = "6650f0c2a1b2c3d4e5f60718", ExpiresAt = new DateTime(2024, 5, 14, 2, 30, 0, DateTimeKind.Utc) };

        Add(cards, "overview.zh", SettingsCards.OverviewTemplate, cards.OverviewData(week, zh));
        Add(cards, "overview.en", SettingsCards.OverviewTemplate, cards.OverviewData(week, en));
        Add(cards, "confirm.zh", SettingsCards.ConfirmTemplate, cards.ConfirmData(week, pending, replace, zh));
        Add(cards, "applied.zh", SettingsCards.ConfirmTemplate, SettingsCards.Data(week, replace, zh, zh["settings_applied_title"], "Good", zh["settings_applied_note"], null));
        Add(cards, "refused.en", SettingsCards.ConfirmTemplate, SettingsCards.Data(week, new ChangePreview("department.rename", "sj", "设计艺术学院", "艺术学院"), en,
            en["settings_refused_title"], "Attention", en.Format("settings_no_department", "sj"), null));

        Files = CardSampleChecks.Write("settings", _samples.Select(s => (s.Name, s.Card)));
    }

    public IReadOnlyList<CardSample> All => _samples;

    public IReadOnlyList<string> Files { get; }

    private void Add(SettingsCards cards, string name, string template, JsonObject data) =>
        _samples.Add(new CardSample(name, template, data, cards.Render(template, data)));
}
