using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.Office;

namespace VocEdWeek.Bot.Tests.Features.Recommend;

/// <summary>
/// The whole app (<see cref="OfficeWorld"/>: the 2024 Wuxi week, Tuesday 14 May 2024 16:00 Beijing time, LiteDB or
/// PostgreSQL per VOCEDWEEK_TEST_STORAGE) with daily reports and photos in the real stores. Cards are clicked as Teams
/// clicks them (<see cref="CardJson.Click"/>: the button's data merged with every input's value) through the real router.
/// </summary>
public sealed class RecommendWorld : IDisposable
{
    public static readonly DateTimeOffset Now = FormsWorld.Beijing(2024, 5, 14, 16, 0);

    public OfficeWorld Bot { get; } = new(Now);

    public IPickStore Picks => Bot.Get<IPickStore>();

    public string WeekId => Bot.WeekId;

    public static string Day(int day) => $"report:2024-05-{day:00}";

    /// <summary>A department's daily report of 5月{day}日 with its three texts.</summary>
    public void Report(string department, int day, string typicalCase = "", string story = "", string featured = "") =>
        Bot.Store.Submit(new Submission
        {
            WeekId = WeekId, DepartmentId = department, ItemKey = Day(day), SubmittedAt = FormsWorld.Beijing(2024, 5, day, 11, 0).UtcDateTime,
            SubmittedByName = "测试", SubmittedByTeamsId = "29:test",
            Data = FormJson.Serialize(new DailyReportData { Day = new DateOnly(2024, 5, day), TypicalCase = typicalCase, Story = story, FeatureReport = featured }),
        });

    /// <summary>A stored photo (or video) of a department's report day.</summary>
    public MediaRecord Media(string department, int day, string name, MediaKind kind = MediaKind.Photo)
    {
        var record = new MediaRecord
        {
            WeekId = WeekId, DepartmentId = department, ItemKey = Day(day), FileName = name, OriginalName = name, Kind = kind, Size = 1000,
            Sha256 = "00", Location = $"media/{name}", ReceivedAt = FormsWorld.Beijing(2024, 5, day, 9, 0).UtcDateTime, FromName = "张伟",
            BatchId = Guid.NewGuid().ToString("N"), State = MediaState.Stored, ConversationId = "a:test",
        };
        Bot.Get<IMediaStore>().Add(record);
        return record;
    }

    public Task<JsonObject> CardAsync(TestUser user, string text, string locale = "zh-CN") => Bot.CardAsync(user, text, locale: locale);

    /// <summary>Clicks the card's button with this verb, the toggles of the listed items (by the text they show) set as given.</summary>
    public async Task<JsonObject> ClickAsync(TestUser user, JsonObject card, string verb, IDictionary<string, string>? typed = null) =>
        (await Bot.ExecuteAsync(user, CardJson.Click(card, verb, typed))).Card();

    /// <summary>The toggle id of the item whose first line (or file name) is <paramref name="line"/>, on this card.</summary>
    public static string Toggle(JsonObject card, string line)
    {
        var items = CardJson.Elements(card["body"]).Where(e => (string?)e["type"] == "Container").ToList();
        var item = items.FirstOrDefault(c => CardJson.AllText(c).Contains(line, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No item '{line}' on the card: {CardJson.Show(card)}");
        return (string)CardJson.Inputs(new JsonObject { ["body"] = item.DeepClone() }).Single()["id"]!;
    }

    /// <summary>The heads of the listed items, in the card's order ("**机电工程学院** · 5月14日（周二） · 典型活动案例 · 自荐").</summary>
    public static List<string> Heads(JsonObject card) =>
        CardJson.Elements(card["body"]).Where(e => (string?)e["type"] == "Container")
            .Select(c => CardJson.Text(c["items"]![0]!["text"]) + " | " + CardJson.Text(c["items"]![1]!["text"])).ToList();

    public void Dispose() => Bot.Dispose();
}
