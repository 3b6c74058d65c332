using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.Office;

/// <summary>
/// <see cref="CardBudget.Fit"/> (sized by <see cref="CardSizeModel"/>, one expansion) cuts exactly as
/// <see cref="CardBudget.FitByRendering"/> (every try expanded): the same card, data and size for every list length from
/// none to 1,500, short and long names, both languages, with and without @mentions, on the real missing and progress templates.
/// </summary>
public sealed class CardBudgetCutTests
{
    private static readonly CardTemplates Cards = new(Path.Combine(RepoPaths.Root, "cards"));
    private static readonly int[] Sizes = [.. Enumerable.Range(0, 130), .. Enumerable.Range(0, 40).Select(i => 130 + i * 35)];

    public static TheoryData<string, bool, bool> Cases() => new()
    {
        { "zh-CN", false, false }, { "zh-CN", true, false }, { "zh-CN", false, true }, { "zh-CN", true, true },
        { "en-US", false, false }, { "en-US", true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MissingCard_SameCutAsRenderingEveryTry(string locale, bool longNames, bool mention)
    {
        var t = Strings.For(locale);
        // One model for all sizes, as a card keeps one: its constants learnt on one size serve the next.
        var model = new CardSizeModel(Cards, "missing", ["missing", "late", "mentions"]);
        foreach (var count in Sizes)
        {
            var rows = Math.Max(count, count / 3);
            Func<int, JsonObject> data = limit => MissingData(count, count / 3, limit, longNames, mention, t);
            AssertSame(count, CardBudget.FitByRendering(Cards, "missing", t, rows, 80, data),
                CardBudget.Fit(Cards, "missing", t, rows, 80, model, data));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProgressCard_SameCutAsRenderingEveryTry(string locale, bool longNames, bool starred)
    {
        var t = Strings.For(locale);
        var model = new CardSizeModel(Cards, "progress", ["rows"]);
        foreach (var count in Sizes)
        {
            Func<int, JsonObject> data = limit => ProgressData(count, limit, longNames, starred, t);
            AssertSame(count, CardBudget.FitByRendering(Cards, "progress", t, count, 60, data),
                CardBudget.Fit(Cards, "progress", t, count, 60, model, data));
        }
    }

    /// <summary>
    /// The model's size is the expanded card's, byte for byte, at every row count a cut may try — so <see cref="CardBudget.Fit"/>
    /// takes the same steps as rendering every try, rather than agreeing only by falling back.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void SizeModel_EqualsTheExpandedCard_AtEveryRowCount(string locale, bool longNames, bool flag)
    {
        var t = Strings.For(locale);
        foreach (var count in new[] { 2, 80, 1500 })
        {
            var missing = new CardSizeModel(Cards, "missing", ["missing", "late", "mentions"]);
            var progress = new CardSizeModel(Cards, "progress", ["rows"]);
            for (var n = 0; n <= 80; n++)
            {
                var m = MissingData(count, count / 3, n, longNames, flag, t);
                Assert.True(CardBudget.WireBytes(Cards.Render("missing", m, t)) == missing.Estimate(m, t), $"missing {count}/{n}");
                var p = ProgressData(count, n, longNames, flag, t);
                Assert.True(CardBudget.WireBytes(Cards.Render("progress", p, t)) == progress.Estimate(p, t), $"progress {count}/{n}");
            }
        }
    }

    private static void AssertSame(int count, RenderedCard expected, RenderedCard actual)
    {
        Assert.True(expected.Card.ToJsonString() == actual.Card.ToJsonString(), $"{count} rows: the cards differ");
        Assert.True(expected.Data.ToJsonString() == actual.Data.ToJsonString(), $"{count} rows: the data differ");
        Assert.Equal(expected.WireBytes, actual.WireBytes);
    }

    private static string Name(int i, bool longName) => longName
        ? $"智能制造与信息工程学院（产教融合实训中心）第{i}分部 Intelligent Manufacturing {i}"
        : $"系部{i}";

    // The shape MissingCard gives its template: rows, late rows (half as many), @mentions of the people shown, notes.
    private static JsonObject MissingData(int missing, int late, int limit, bool longNames, bool mention, Strings t)
    {
        var shownMissing = Math.Min(missing, limit);
        var shownLate = Math.Min(late, Math.Max(limit / 2, Math.Min(limit, 5)));
        var mentions = new JsonArray();
        var rows = Enumerable.Range(0, shownMissing).Select(i =>
        {
            var person = longNames ? $"欧阳{i}明 Ouyang Ming-{i}" : $"王{i}";
            if (mention && i % 3 != 0)
            {
                mentions.Add(new JsonObject
                {
                    ["type"] = "mention", ["text"] = $"<at>{person}</at>",
                    ["mentioned"] = new JsonObject { ["id"] = $"u{i}@school.edu.cn", ["name"] = person },
                });
                return (JsonNode)new JsonObject { ["name"] = Name(i, longNames), ["people"] = $"<at>{person}</at>" };
            }
            return new JsonObject { ["name"] = Name(i, longNames), ["people"] = i % 7 == 0 ? t["office_no_liaison"] : $"{person} 1380000{i:D4}" };
        }).ToArray();
        var lateRows = Enumerable.Range(0, shownLate).Select(i => (JsonNode)new JsonObject
        {
            ["name"] = i % 4 == 0 ? $"{Name(1000 + i, longNames)} ★" : Name(1000 + i, longNames),
            ["status"] = $"12:{i % 60:D2}",
        }).ToArray();
        return new JsonObject
        {
            ["weekId"] = "week-2024", ["itemKey"] = "report:2024-05-16", ["title"] = "5月16日日报", ["subtitle"] = "教务处 · 活动周",
            ["deadline"] = "12:00", ["deadlineColor"] = "Attention",
            ["counts"] = new JsonArray(new JsonObject { ["label"] = "总数", ["value"] = Text(missing + late), ["color"] = "Default" }),
            ["missingHeader"] = missing > 0 ? t.Format("office_missing_header", missing) : t["office_missing_none"],
            ["missingColor"] = missing == 0 ? "Good" : "Attention",
            ["missing"] = new JsonArray(rows),
            ["missingNote"] = shownMissing < missing ? t.Format("office_missing_more", shownMissing, missing - shownMissing) : "",
            ["hasLate"] = late > 0,
            ["lateHeader"] = t.Format("office_late_header", late),
            ["late"] = new JsonArray(lateRows),
            ["lateNote"] = shownLate < late ? t.Format("office_late_more", late - shownLate) : "",
            ["asOf"] = "11:00", ["hasMissing"] = missing > 0, ["picked"] = "", ["mentions"] = mentions,
        };
    }

    // The shape ProgressCard gives its template: a department × day grid of the departments shown, and its note.
    private static JsonObject ProgressData(int departments, int limit, bool longNames, bool starred, Strings t)
    {
        var shown = Math.Min(departments, limit);
        string[] symbols = ["✔", "迟", "补", "✘", "免", "·"];
        return new JsonObject
        {
            ["weekId"] = "week-2024", ["itemKey"] = "", ["title"] = "活动周", ["subtitle"] = "5月13日—19日",
            ["items"] = new JsonArray(),
            ["gridNote"] = shown < departments ? t.Format("office_grid_capped", departments + 40, departments, shown) : "",
            ["days"] = new JsonArray(Enumerable.Range(13, 7).Select(d => (JsonNode)new JsonObject { ["label"] = $"{d}日" }).ToArray()),
            ["rows"] = new JsonArray(Enumerable.Range(0, shown).Select(i => (JsonNode)new JsonObject
            {
                ["name"] = Name(i, longNames),
                ["cells"] = new JsonArray(Enumerable.Range(0, 7).Select(d => (JsonNode)new JsonObject
                {
                    ["s"] = symbols[(i + d) % symbols.Length] + (starred && (i + d) % 5 == 0 ? "★" : ""),
                    ["c"] = (i * d) % 3 == 0 ? "Good" : "Attention",
                }).ToArray()),
            }).ToArray()),
            ["asOf"] = "11:00",
        };
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
