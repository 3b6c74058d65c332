using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// The export card as staff see it — one file in a personal chat, all five, SharePoint links, the local fallback, a file that
/// could not be built, in a channel, in English — written expanded to artifacts/cards/export-*.json for the node checks.
/// </summary>
public sealed class ExportSamples : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<CardSample> _samples = [];
    private readonly CardTemplates _templates;

    public ExportSamples()
    {
        var week = new ActiveWeek(WeekLoader.Load(Path.Combine(Fakes.RepoPaths.Samples, "2024-wuxi.json")));
        var clock = new FakeTimeProvider(FormsWorld.Beijing(2024, 5, 19, 18, 5));
        var links = new ExportLinks(new LinkSigner(new WebLinkOptions { PublicBaseUrl = "https://bot.college.example.edu.cn" },
            new StorageOptions { Directory = _dir.Path }, clock), clock);
        _templates = new CardTemplates(Path.Combine(RepoPaths.Root, "cards"));
        var card = new ExportCard(_templates, links);
        var zh = Strings.For("zh-CN");
        var en = Strings.For("en-US");

        Add(card, "one.zh", week, [Record(ExportKind.Statistics, 18_432)], [], true, zh);
        Add(card, "all.zh", week, Enum.GetValues<ExportKind>().Where(k => !ExportKinds.IsRecommendation(k)).Select((k, i) => Record(k, 20_000 + i * 400_000)).ToList(), [], true, zh);
        Add(card, "sharepoint.zh", week, [Record(ExportKind.PlanInfo, 52_100, sharePoint: true), Record(ExportKind.MediaIndex, 9_800, sharePoint: true)], [], true, zh);
        Add(card, "fallback.zh", week, [Record(ExportKind.Statistics, 18_432, fellBack: true)], [], true, zh);
        Add(card, "failed.zh", week, [Record(ExportKind.Statistics, 18_432)], [zh.Format("export_failed", ExportFormat.Title(ExportKind.SummaryCompilation, zh))], true, zh);
        Add(card, "channel.zh", week, [Record(ExportKind.ReportRegister, 31_000)], [], false, zh);
        Add(card, "all.en", week, Enum.GetValues<ExportKind>().Where(k => !ExportKinds.IsRecommendation(k)).Select((k, i) => Record(k, 20_000 + i * 400_000)).ToList(), [], true, en);

        Files = CardSampleChecks.Write("export", _samples.Select(s => (s.Name, s.Card)));
    }

    public static string Folder => CardSampleChecks.Folder;

    public IReadOnlyList<CardSample> All => _samples;

    public IReadOnlyList<string> Files { get; }

    public void Dispose() => _dir.Dispose();

    private void Add(ExportCard card, string name, ActiveWeek week, IReadOnlyList<ExportRecord> records, IReadOnlyList<string> failed, bool personal, Strings t)
    {
        // Rendered as the bot renders it, the texts apart (each call signs new links, so both come from this one data).
        var data = card.Data(week, records, failed, personal, t);
        var fields = (JsonObject)data.DeepClone();
        fields.Remove("t");
        _samples.Add(new CardSample(name, ExportCard.Template, data, _templates.Render(ExportCard.Template, fields, t)));
    }

    private static ExportRecord Record(ExportKind kind, long size, bool sharePoint = false, bool fellBack = false)
    {
        var t = Strings.For("zh-CN");
        var name = "2024年职业教育活动周" + ExportFormat.Title(kind, t) + (kind == ExportKind.SummaryCompilation ? ".docx" : ".xlsx");
        return new ExportRecord
        {
            Id = $"66{(int)kind:D22}",
            Kind = kind,
            WeekId = "2024-wuxi",
            WeekTitle = "2024年职业教育活动周",
            FileName = name,
            Size = size,
            CreatedAt = FormsWorld.Beijing(2024, 5, 19, 18, 5).UtcDateTime,
            Storage = sharePoint ? ExportStorage.SharePoint : ExportStorage.Local,
            Location = sharePoint ? $"01ITEM{(int)kind}" : $"2024年职业教育活动周/导出/{name}",
            WebUrl = sharePoint ? "https://college.sharepoint.example/sites/office/Shared%20Documents/" + Uri.EscapeDataString(name) : null,
            FellBackToLocal = fellBack,
        };
    }
}
