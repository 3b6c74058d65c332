using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// Writes Golden/cards.json again from the feature fixtures' samples, only when GOLDEN_CARDS_WRITE=1 (on purpose, after a
/// card was changed on purpose). Otherwise it checks that the file exists and is not empty.
/// </summary>
public sealed class GoldenCardsWriter
{
    private static readonly CardTemplates Templates = new(Path.Combine(RepoPaths.Root, "cards"));

    [Fact]
    public void Golden_Exists_OrIsWrittenWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("GOLDEN_CARDS_WRITE") == "1") GoldenCard.Write(Collect());
        Assert.True(GoldenCard.All.Count > 0 || File.Exists(GoldenCard.File), "Golden/cards.json is missing.");
    }

    private static IEnumerable<GoldenCard> Collect()
    {
        var samples = new List<(string Prefix, string Name, string Template, JsonObject Data)>();
        using (var f = new FormSamples()) samples.AddRange(f.All.Select(s => ("form", s.Name, s.Template, s.Data)));
        samples.AddRange(new DeliverySamples().All.Select(s => ("delivery", s.Name, s.Template, s.Data)));
        samples.AddRange(new OfficeSamples().All.Select(s => ("office", s.Name, s.Template, s.Data)));
        using (var f = new ExportSamples()) samples.AddRange(f.All.Select(s => ("export", s.Name, s.Template, s.Data)));
        using (var f = new FileStatusSamples()) samples.AddRange(f.All.Select(s => ("filestatus", s.Name, s.Template, s.Data)));
        using (var f = new RecommendSamples()) samples.AddRange(f.All.Select(s => ("recommend", s.Name, s.Template, s.Data)));
        samples.AddRange(new SettingsSamples().All.Select(s => ("settings", s.Name, s.Template, s.Data)));
        samples.AddRange(new WeekSetupSamples().All.Select(s => ("setup", s.Name, s.Template, s.Data)));
        samples.AddRange(Extra());

        foreach (var (prefix, name, template, data) in samples)
        {
            var (bare, lang) = GoldenCard.SplitTexts(data);
            var card = lang is null
                ? GoldenCardsTests.Expand(() => Templates.Render(template, bare.DeepClone()))
                : GoldenCardsTests.Expand(() => Templates.Render(template, (JsonObject)bare.DeepClone(), Strings.For(lang)));
            yield return new GoldenCard($"{prefix}-{name}", template, null, lang, bare, card);
        }
        foreach (var c in TemplateCase.All)
        {
            var result = GoldenCardsTests.Expand(() => TemplateEngine.Expand(c.Template?.DeepClone(), c.Data?.DeepClone()));
            yield return new GoldenCard($"case-{c.Name}", null, c.Template, null, c.Data, result);
        }
    }

    /// <summary>The cards no fixture fills: help, welcome, and the links.</summary>
    private static IEnumerable<(string, string, string, JsonObject)> Extra()
    {
        foreach (var lang in GoldenCard.Languages)
        {
            var t = Strings.For(lang);
            foreach (var files in new[] { true, false })
            {
                var commands = new JsonArray(new[] { "help", "plan", "report", "mine" }
                    .Select(k => (JsonNode)new JsonObject { ["name"] = k, ["description"] = "<" + k + "> & \"x\"" }).ToArray());
                yield return ("extra", $"help-{lang}-{files}", "help", CardTemplates.WithTexts(new JsonObject { ["commands"] = commands, ["chatFiles"] = files }, t));
                yield return ("extra", $"welcome-{lang}-{files}", "welcome", CardTemplates.WithTexts(new JsonObject { ["personal"] = files, ["chatFiles"] = !files }, t));
            }
            const string url = "https://bot.example.edu.cn/u/AbC_123?x=1&y=2";
            yield return ("extra", $"dashboard-link-{lang}", "dashboard-link", CardTemplates.WithTexts(
                new JsonObject { ["week"] = "2024年职业教育活动周", ["expires"] = "5月14日 18:00", ["url"] = url }, t));
            yield return ("extra", $"upload-link-{lang}", "upload-link", CardTemplates.WithTexts(
                new JsonObject { ["target"] = "机电工程学院 · 5月14日 日报", ["expires"] = "5月14日 18:00", ["url"] = url }, t));
        }
    }
}
