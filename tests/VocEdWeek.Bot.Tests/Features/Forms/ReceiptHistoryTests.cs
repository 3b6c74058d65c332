using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Forms;

/// <summary>The receipt's history kept per slot: the same card as reading every version, without the read.</summary>
public sealed class ReceiptHistoryTests : IDisposable
{
    private const string Slot = "report:2024-05-14";
    private readonly FormsWorld _world = new(Beijing(2024, 5, 14, 10, 0));

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task TwelveVersions_EachReceiptIsTheCardTheStoresHistoryGives()
    {
        for (var v = 1; v <= 12; v++)
        {
            var typed = FormSteps.ValidReport();
            typed["participants"] = (100 + v).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var receipt = await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => typed);

            Assert.True(JsonNode.DeepEquals(receipt, await ReadReceiptAsync()), $"version {v}: {receipt.ToJsonString()}");
            _world.Clock.Advance(TimeSpan.FromMinutes(7));
        }
        var last = CardJson.AllText(await ReadReceiptAsync());
        // Judged by version 1 (10:00), listing the newest ten.
        Assert.Contains("已提交 ✓", last);
        Assert.Contains("第12版 · 提交人 张伟", last);
        Assert.Contains("第3版 · 5月14日 10:14 · 张伟", last);
        Assert.DoesNotContain("第2版 ·", last);
        Assert.Equal(12, _world.Store.History("2024-wuxi", "jd", Slot).Count);
    }

    [Fact]
    public async Task AVersionThisProcessDidNotSee_IsReadFromTheStore()
    {
        await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());
        var v1 = _world.Store.Current("2024-wuxi", "jd", Slot)!;
        _world.Clock.Advance(TimeSpan.FromMinutes(5));
        // Another instance (or another writer) stores version 2 behind this process's back.
        _world.Store.Submit(new Submission
        {
            WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = Slot, SubmittedAt = _world.Clock.GetUtcNow().UtcDateTime,
            SubmittedByName = "另一实例", SubmittedByTeamsId = "29:other", Data = v1.Data,
        });
        _world.Clock.Advance(TimeSpan.FromMinutes(5));

        var receipt = await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());

        var text = CardJson.AllText(receipt);
        Assert.Contains("第2版 · 5月14日 10:05 · 另一实例", text);
        Assert.Contains("第3版 · 提交人 张伟", text);
        Assert.True(JsonNode.DeepEquals(receipt, await ReadReceiptAsync()));
    }

    [Fact]
    public void NextVersions_AreNotRead_AGapOrARepeatedClickIs()
    {
        var counting = new CountingSubmissionStore(_world.Store);
        var histories = new ReceiptHistory(counting);

        var first = histories.Of(Store(), duplicate: false);
        var second = histories.Of(Store(), duplicate: false);
        Assert.Equal(0, counting.HistoryReads);
        Assert.Equal((1, 2), (first.Count, second.Count));
        Assert.Equal([1, 2], second.Newest.Select(l => l.Version));

        Store();
        var afterGap = histories.Of(Store(), duplicate: false);
        Assert.Equal(1, counting.HistoryReads);
        Assert.Equal([1, 2, 3, 4], afterGap.Newest.Select(l => l.Version));

        var repeated = histories.Of(_world.Store.Current("2024-wuxi", "jd", Slot)!, duplicate: true);
        Assert.Equal(2, counting.HistoryReads);
        Assert.Equal(4, repeated.Count);
        Assert.Equal(1, histories.Count);

        for (var i = 0; i < 8; i++) histories.Of(Store(), duplicate: false);
        var twelve = histories.Of(_world.Store.Current("2024-wuxi", "jd", Slot)!, duplicate: false);
        Assert.Equal(2, counting.HistoryReads);
        Assert.Equal(Enumerable.Range(3, 10), twelve.Newest.Select(l => l.Version));
        Assert.Equal(_world.Store.History("2024-wuxi", "jd", Slot)[0].SubmittedAt, twelve.FirstSubmittedAt);
    }

    private Submission Store()
    {
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        return _world.Store.Submit(new Submission
        {
            WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = Slot, SubmittedAt = _world.Clock.GetUtcNow().UtcDateTime,
            SubmittedByName = "张伟", SubmittedByTeamsId = Liaison.Id, Data = "{}",
        }).Stored;
    }

    [Fact]
    public async Task Receipt_AsTheBotRendersIt_IsTheCardOfItsSampleData_ByteForByte()
    {
        for (var v = 1; v <= 3; v++)
        {
            await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());
            _world.Clock.Advance(TimeSpan.FromMinutes(7));
        }
        var turn = _world.Build(Liaison, TurnKind.CardAction, "zh-CN", "", null);
        var s = await _world.Get<FormAccess>().StartAsync(turn, CancellationToken.None) ?? throw new InvalidOperationException("No session.");
        var cards = _world.Get<FormCards>();
        var (form, item, stored) = (_world.Get<DailyReportForm>(), WeekItem.Parse(Slot)!, _world.Store.Current("2024-wuxi", "jd", Slot)!);

        // The bot's data (the engine's values, texts apart) and the samples' (JSON, texts inside) give the same card.
        var asJson = _world.Get<CardTemplates>().Render("receipt", cards.ReceiptData(s, form, item, stored)).ToJsonString();
        Assert.Equal(asJson, cards.Receipt(s, form, item, stored, duplicate: false).ToJsonString());
        Assert.Contains("第3版", CardJson.AllText(JsonNode.Parse(asJson)!.AsObject()));
    }

    /// <summary>The receipt of the current version as reading every version makes it (a history kept by nobody).</summary>
    private async Task<JsonObject> ReadReceiptAsync()
    {
        var turn = _world.Build(Liaison, TurnKind.CardAction, "zh-CN", "", null);
        var s = await _world.Get<FormAccess>().StartAsync(turn, CancellationToken.None) ?? throw new InvalidOperationException("No session.");
        var cards = new FormCards(_world.Get<CardTemplates>(), _world.Store, _world.Get<ItemFiles>(), new ReceiptHistory(_world.Store));
        return cards.Receipt(s, _world.Get<DailyReportForm>(), WeekItem.Parse(Slot)!, _world.Store.Current("2024-wuxi", "jd", Slot)!, duplicate: false);
    }
}
