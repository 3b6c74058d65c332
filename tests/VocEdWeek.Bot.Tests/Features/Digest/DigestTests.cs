using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Digest;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using static VocEdWeek.Bot.Tests.Fakes.DeliveryWorld;

namespace VocEdWeek.Bot.Tests.Features.Digest;

/// <summary>The office channel digest: counts, the department × day grid, highlights, media, mentions, and the 28 KB budget.</summary>
public sealed class DigestTests
{
    /// <summary>
    /// Wuxi week on 05-14 at 17:30 — jd on time every day with a typical case and a story; xx late on the 13th and 14th;
    /// jg missing since the 13th; jz missing on the 12th, made up the 13th, exempt the 14th; sj never reported.
    /// </summary>
    public static DeliveryWorld FiveDepartments(DateTimeOffset? now = null)
    {
        var world = new DeliveryWorld(now ?? Beijing(5, 14, 17, 30));
        var report = new DailyReportData
        {
            TypicalCase = "智能制造实训中心开放日：中小学生体验工业机器人编程\n第二段细节",
            Story = "2019届校友王磊扎根一线，成长为省级技术能手",
        };
        foreach (var day in new[] { 12, 13, 14 }) world.Submit("jd", Report(5, day), Beijing(5, day, 10, 0), report);
        world.Submit("xx", Report(5, 12), Beijing(5, 12, 11, 0));
        world.Submit("xx", Report(5, 13), Beijing(5, 13, 13, 0));
        world.Submit("xx", Report(5, 14), Beijing(5, 14, 12, 30));
        world.Submit("jg", Report(5, 12), Beijing(5, 12, 9, 0));
        world.Submit("jz", Report(5, 13), Beijing(5, 14, 9, 0));
        world.Exempt("jz", Report(5, 14));
        var media = world.Get<IMediaStore>();
        foreach (var (dept, name) in new[] { ("jd", "a.jpg"), ("jd", "b.jpg"), ("jd", "c.mp4"), ("xx", "d.png"), ("xx", "notes.docx") })
        {
            media.Add(new MediaRecord
            {
                WeekId = "2024-wuxi", DepartmentId = dept, ItemKey = "report:2024-05-14", FileName = name, OriginalName = name,
                Kind = MediaKinds.Of(name), State = MediaState.Stored, ReceivedAt = Beijing(5, 14, 11, 0).UtcDateTime,
            });
        }
        return world;
    }

    /// <summary>The symbols of a department's row in the digest's grid.</summary>
    public static IReadOnlyList<string> GridRow(JsonObject card, string department)
    {
        var table = CardJson.Elements(card["body"]).Single(e => (string?)e["type"] == "Table");
        var row = table["rows"]!.AsArray().Select(r => r!["cells"]!.AsArray())
            .Single(cells => (string?)cells[0]!["items"]![0]!["text"] == department);
        return row.Skip(1).Select(c => (string)c!["items"]![0]!["text"]!).ToList();
    }

    private static string Texts(JsonObject card) => string.Join("\n", CardJson.Elements(card["body"]).Select(e => (string?)e["text"]).OfType<string>());

    [Fact]
    public void FiveDepartments_CountsGridHighlightsMediaAndMentions()
    {
        using var world = FiveDepartments();
        var model = world.Get<DigestBuilder>().Build(world.Week, new DateOnly(2024, 5, 14), world.Clock.GetUtcNow());
        var card = Assert.Single(world.Get<DigestCards>().Render(model));

        Assert.Equal([("按时", 1), ("迟交/补交", 1), ("未交", 2), ("免报", 1)], model.Counts.Select(c => (c.Label, c.Value)));
        Assert.Equal(["✓", "✓", "✓"], GridRow(card, "机电工程学院"));
        Assert.Equal(["✓", "迟", "迟"], GridRow(card, "信息工程学院"));
        Assert.Equal(["✓", "✗", "✗"], GridRow(card, "经济管理学院"));
        Assert.Equal(["✗", "补", "免"], GridRow(card, "建筑工程学院"));
        Assert.Equal(["✗", "✗", "✗"], GridRow(card, "设计艺术学院"));
        var table = CardJson.Elements(card["body"]).Single(e => (string?)e["type"] == "Table");
        Assert.Equal(4, table["columns"]!.AsArray().Count);
        Assert.Equal("14日", (string?)table["rows"]![0]!["cells"]![3]!["items"]![0]!["text"]);

        var text = Texts(card);
        Assert.Contains("5月14日（周二）日报报送进度", text);
        Assert.Contains("**机电工程学院**　典型案例：智能制造实训中心开放日：中小学生体验工业机器人编程", text);
        Assert.DoesNotContain("第二段细节", text);
        Assert.Contains("**机电工程学院**　职教故事：2019届校友王磊扎根一线", text);
        Assert.Contains("今日照片 3 张、视频 1 个（来自 2 个部门）", text);
        Assert.Contains("尚未提交（2 个）", text);
        Assert.Contains("**经济管理学院**　<at>王强</at>", text);
        Assert.Contains("**设计艺术学院**　<at>陈静</at>", text);

        var mentions = card["msteams"]!["entities"]!.AsArray();
        Assert.Equal(2, mentions.Count);
        Assert.Contains(mentions, m => (string?)m!["mentioned"]!["id"] == "wangqiang@college.example.edu.cn" && (string?)m["text"] == "<at>王强</at>");
        Assert.Contains(mentions, m => (string?)m!["mentioned"]!["id"] == "11a150a0-0000-4000-8000-000000000005");
        Assert.All(mentions, m => Assert.Contains((string)m!["text"]!, text));
        Assert.Equal("remind.missing", (string?)card["actions"]!.AsArray().Single()!["verb"]);
    }

    [Fact]
    public void FilesSharePointHasNotTaken_AreFlagged_ButFreshOnesAndOtherWeeksAreNot()
    {
        using var world = FiveDepartments();
        var media = world.Get<IMediaStore>();
        void Add(string name, RemoteState remote, int attempts, string week = "2024-wuxi") => media.Add(new MediaRecord
        {
            WeekId = week, DepartmentId = "jd", ItemKey = "report:2024-05-13", FileName = name, OriginalName = name,
            Kind = MediaKinds.Of(name), State = MediaState.Stored, ReceivedAt = Beijing(5, 13, 11, 0).UtcDateTime,
            Remote = remote, RemoteAttempts = attempts,
        });
        var builder = world.Get<DigestBuilder>();
        string Line() => builder.Build(world.Week, new DateOnly(2024, 5, 14), world.Clock.GetUtcNow()).Uploads;

        Add("fresh.jpg", RemoteState.Waiting, 0); // just arrived, not tried yet: normal
        Add("old-week.jpg", RemoteState.Failed, 8, week: "2020-shandong");
        Assert.Equal("", Line());
        Assert.DoesNotContain("SharePoint", Texts(world.Get<DigestCards>().Render(builder.Build(world.Week, new DateOnly(2024, 5, 14), world.Clock.GetUtcNow()))[0]));

        Add("refused.mp4", RemoteState.Failed, 1);
        Add("throttled.jpg", RemoteState.Waiting, 3);
        Add("down.jpg", RemoteState.Waiting, 1);
        Assert.Equal("⚠ SharePoint：本周 1 个文件上传失败，2 个正在重试。发送“文件状态”查看原因。", Line());
        var card = world.Get<DigestCards>().Render(builder.Build(world.Week, new DateOnly(2024, 5, 14), world.Clock.GetUtcNow()))[0];
        var block = CardJson.Elements(card["body"]).Single(e => ((string?)e["text"])?.StartsWith("⚠ SharePoint", StringComparison.Ordinal) == true);
        Assert.Equal("Warning", (string?)block["color"]);
    }

    [Fact]
    public async Task TheScheduledDigest_IsPostedToTheOfficeChannel_ThroughTheOutbox()
    {
        using var world = FiveDepartments(Beijing(5, 14, 17, 29));
        Assert.DoesNotContain(await world.TickAsync(), k => k.Contains("digest", StringComparison.Ordinal));
        world.SetBeijing(5, 14, 17, 30);
        // No channel yet: the slot waits (within its grace) instead of being lost.
        Assert.DoesNotContain("2024-wuxi|digest|2024-05-14T17:30", await world.TickAsync());
        world.SetDigestChannel();
        world.SetBeijing(5, 14, 17, 45);
        Assert.Contains("2024-wuxi|digest|2024-05-14T17:30", await world.TickAsync());
        var message = Assert.Single(world.Messenger.SentTo(ChannelId));
        Assert.Equal("5月14日（周二）日报报送进度：按时 1，迟交 1，未交 2", message.Summary);
        Assert.Contains("截至 5月14日 17:45（北京时间）", Texts(message.Cards[0]));
        Assert.Equal(VocEdWeek.Bot.Outbox.OutboxState.Sent, world.Jobs.Find($"digest|2024-wuxi|digest|2024-05-14T17:30|{ChannelId}|1")!.State);
    }

    [Fact]
    public async Task TheDigestLanguage_FollowsTheWeek()
    {
        using var world = new DeliveryWorld(Beijing(5, 13, 12, 5), week: GeneratedWeeks.WithDepartments(5, "en-US"));
        world.SetDigestChannel();
        await world.TickAsync();
        var card = world.Messenger.SentTo(ChannelId).Single().Cards[0];
        var text = Texts(card);
        Assert.Contains("Progress: Daily report for Mon, May 13", text);
        Assert.Contains("Not submitted (5)", text);
        Assert.Equal(["✗", "✗"], GridRow(card, "第0001系（智能制造与信息技术）"));
    }

    [Fact]
    public void SixtyDepartments_StayUnder28KB_PerMessage()
    {
        using var world = new DeliveryWorld(Beijing(5, 18, 17, 30), week: GeneratedWeeks.WithDepartments(60));
        var report = new DailyReportData { TypicalCase = new string('案', 300), Story = new string('事', 300) };
        for (var d = 1; d <= 60; d++)
        {
            for (var day = 12; day <= 18; day++)
            {
                // Most report on time; every fourth is late on even days; every seventh misses odd days.
                if (d % 7 == 0 && day % 2 == 1) continue;
                var hour = d % 4 == 0 && day % 2 == 0 ? 14 : 10;
                world.Submit($"d{d:D4}", Report(5, day), Beijing(5, day, hour, 0), report);
            }
        }
        var model = world.Get<DigestBuilder>().Build(world.Week, new DateOnly(2024, 5, 18), world.Clock.GetUtcNow());
        var cards = world.Get<DigestCards>().Render(model);
        Assert.NotEmpty(cards);
        Assert.Equal(
            world.Get<DigestCards>().Parts(model, renderEveryTry: true).Select(p => p.Card.ToJsonString() + p.Data.ToJsonString()),
            world.Get<DigestCards>().Parts(model).Select(p => p.Card.ToJsonString() + p.Data.ToJsonString()));
        Assert.All(cards, c => Assert.True(DigestBudget.WireBytes(c) <= DigestBudget.MaxBytes, $"{DigestBudget.WireBytes(c)} bytes"));
        // 60 departments: only those with something other than ✓ are listed in the grid.
        Assert.Equal(60 - model.Rows.Count, int.Parse(System.Text.RegularExpressions.Regex.Match(model.GridNote, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(model.Rows.Count, cards.Sum(c => CardJson.Elements(c["body"]).Where(e => (string?)e["type"] == "Table").Sum(t => t["rows"]!.AsArray().Count - 1)));
    }

    [Fact]
    public void AThousandDepartments_SplitIntoSeveralMessages_EachUnder28KB_NothingLost()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 12, 5), week: GeneratedWeeks.WithDepartments(1000));
        var model = world.Get<DigestBuilder>().Build(world.Week, new DateOnly(2024, 5, 14), world.Clock.GetUtcNow());
        var cards = world.Get<DigestCards>().Render(model);
        Assert.True(cards.Count > 1);
        Assert.All(cards, c => Assert.True(DigestBudget.WireBytes(c) <= DigestBudget.MaxBytes, $"{DigestBudget.WireBytes(c)} bytes"));
        var lines = cards.SelectMany(c => CardJson.Elements(c["body"]).Select(e => (string?)e["text"]).OfType<string>().Where(t => t.StartsWith("**第", StringComparison.Ordinal))).ToList();
        Assert.Equal(1000, lines.Count);
        Assert.Equal(1000, lines.Distinct().Count());
        Assert.Equal(1200, cards.Sum(c => c["msteams"]!["entities"]!.AsArray().Count));
        Assert.Equal(1000, cards.Sum(c => CardJson.Elements(c["body"]).Where(e => (string?)e["type"] == "Table").Sum(t => t["rows"]!.AsArray().Count - 1)));
        Assert.Contains($"第 1/{cards.Count} 部分", Texts(cards[0]));
        Assert.Contains($"第 {cards.Count}/{cards.Count} 部分", Texts(cards[^1]));
        // The parts sized by the model are the parts found by expanding every try.
        Assert.Equal(
            world.Get<DigestCards>().Parts(model, renderEveryTry: true).Select(p => p.Card.ToJsonString() + p.Data.ToJsonString()),
            world.Get<DigestCards>().Parts(model).Select(p => p.Card.ToJsonString() + p.Data.ToJsonString()));
        // Every mention's text is in that same card (and there are mentions to check).
        Assert.NotEmpty(cards.SelectMany(c => c["msteams"]!["entities"]!.AsArray()));
        Assert.All(cards, c =>
        {
            var text = Texts(c);
            Assert.All(c["msteams"]!["entities"]!.AsArray(), m => Assert.Contains((string)m!["text"]!, text));
        });
    }
}
