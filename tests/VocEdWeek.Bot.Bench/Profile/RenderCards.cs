using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// The card templating alone, no HTTP: <c>render-cards [RENDERS 20000]</c> renders the receipt of a daily report (the data
/// <c>FormCards.ReceiptFields</c> builds for a realistic submission: six facts, the files, a history of three versions) and
/// the help card, each RENDERS times on one thread after as many to warm up, and prints CPU and bytes allocated per render,
/// the render alone and with the card written out as UTF-8 JSON (as the invoke answer writes it).
/// </summary>
public static class RenderCards
{
    public static int Run(string[] args)
    {
        var renders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var cards = new CardTemplates(Path.Combine(RepoPaths.Root, "cards"));
        var zh = Strings.For("zh-CN");
        var receipt = Receipt();
        var help = Help(zh);
        using var buffer = new MemoryStream();
        var values = Values(receipt);
        Measure("receipt", renders, () => cards.Render("receipt", receipt, zh));
        Measure("receipt, CardData", renders, () => cards.Render("receipt", values, zh));
        Measure("receipt + write", renders, () => Write(cards.Render("receipt", receipt, zh), buffer));
        Measure("receipt, CardData + write", renders, () => Write(cards.Render("receipt", values, zh), buffer));
        Measure("help", renders, () => cards.Render("help", help, zh));
        Measure("help + write", renders, () => Write(cards.Render("help", help, zh), buffer));
        return 0;
    }

    private static void Measure(string name, int renders, Action render)
    {
        for (var i = 0; i < renders; i++) render();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < renders; i++) render();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"render-cards {name,-26} x{renders}: {used.TotalMicroseconds / renders,6:F1} µs CPU/render, "
            + $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / renders,5:F1} KB/render"));
    }

    private static void Write(JsonObject card, MemoryStream buffer)
    {
        buffer.SetLength(0);
        using var writer = new Utf8JsonWriter(buffer);
        card.WriteTo(writer);
    }

    private static JsonObject Receipt()
    {
        (string, string)[] facts =
        [
            ("日期", "5月14日（星期二）"), ("活动名称", "职业体验日：走进智能制造实训中心"),
            ("参与人次", "120"), ("活动简述", "今天机电工程学院开展了职业体验日活动，共接待中小学生120人次，体验数控加工与工业机器人编程。"),
            ("媒体报道", "无锡日报 · 江南晚报"), ("所选活动", "职业体验日；校园开放日"), ("附件", "现场照片1.jpg（2.1 MB）、签到表.pdf（340 KB）"),
        ];
        return new JsonObject
        {
            ["weekId"] = "2024-wuxi",
            ["itemKey"] = "report:2024-05-14",
            ["title"] = "5月14日 日报",
            ["subtitle"] = "机电工程学院 · 2024年职业教育活动周",
            ["statusText"] = "按时 · 5月14日 16:02",
            ["statusColor"] = "Good",
            ["versionText"] = "第 3 版 · 张伟",
            ["lateNote"] = "",
            ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Item1, ["value"] = f.Item2 }).ToArray()),
            ["hasHistory"] = true,
            ["history"] = new JsonArray(Enumerable.Range(1, 3).Reverse()
                .Select(v => (JsonNode)new JsonObject { ["line"] = $"第 {v} 版 · 5月14日 1{v}:02 · 张伟" }).ToArray()),
        };
    }

    /// <summary>The same data as the bot builds it (<c>FormCards.ReceiptFields</c>): already the engine's values.</summary>
    private static CardData Values(JsonObject receipt)
    {
        var data = new CardData(receipt.Count);
        foreach (var (key, value) in receipt)
        {
            if (value is JsonArray items) data.Set(key, [.. items.Select(i => Values(i!.AsObject()))]);
            else if (value!.GetValueKind() == JsonValueKind.String) data.Set(key, value.GetValue<string>());
            else data.Set(key, value.GetValue<bool>());
        }
        return data;
    }

    private static JsonObject Help(Strings t) => new()
    {
        ["commands"] = new JsonArray(new[] { "help", "plan", "report", "stats", "summary", "mine", "upload", "missing", "status" }
            .Select(k => (JsonNode)new JsonObject { ["name"] = t[$"cmd_{k}"], ["description"] = t[$"cmd_{k}_desc"] }).ToArray()),
        ["chatFiles"] = true,
    };
}
