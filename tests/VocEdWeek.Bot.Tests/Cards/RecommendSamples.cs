using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Recommend;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// The 择优推荐 and 自荐 cards from the real builder on a real LiteDB file: the office's card with a nomination first and
/// a pick marked, filtered, with a receipt, in English; a liaison's card with a refusal; no candidates at all. Written
/// expanded to artifacts/cards/recommend-*.json for the node checks.
/// </summary>
public sealed class RecommendSamples : IDisposable
{
    private readonly List<CardSample> _samples = [];
    private readonly TempDir _dir = new();

    public RecommendSamples()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Directory"] = _dir.Path,
            ["Week:DefinitionFile"] = Path.Combine(Fakes.RepoPaths.Samples, "2024-wuxi.json"),
        };
        using (var sp = AppServices.Build(TestStorage.LiteDb(settings), new FakeTimeProvider(FormsWorld.Beijing(2024, 5, 14, 16, 0)), new RecordingMessenger()))
        {
            var week = sp.GetRequiredService<WeekCatalog>().Active!;
            Render(sp, week, "empty.zh", "zh-CN", PickSource.Office, RecommendFilter.None);
            Fill(sp);
            Render(sp, week, "office.zh", "zh-CN", PickSource.Office, RecommendFilter.None, "已推荐 2 项，撤回 0 项。");
            Render(sp, week, "office.en", "en-US", PickSource.Office, RecommendFilter.None);
            Render(sp, week, "office-filtered.zh", "zh-CN", PickSource.Office, new RecommendFilter(new DateOnly(2024, 5, 14), "jd", 0));
            Render(sp, week, "liaison.zh", "zh-CN", PickSource.Liaison, RecommendFilter.None with { DepartmentId = "jd" },
                "每个部门最多自荐 3 项；按本次勾选将有 4 项，本次未保存。请先取消勾选一些再提交。", problem: true);
        }
        Files = CardSampleChecks.Write("recommend", _samples.Select(s => (s.Name, s.Card)));
    }

    public IReadOnlyList<CardSample> All => _samples;

    public IReadOnlyList<string> Files { get; }

    public CardSample this[string name] => _samples.Single(s => s.Name == name);

    public void Dispose() => _dir.Dispose();

    private static void Fill(ServiceProvider sp)
    {
        var store = sp.GetRequiredService<ISubmissionStore>();
        void Report(string department, int day, string c, string s, string f) => store.Submit(new Submission
        {
            WeekId = "2024-wuxi", DepartmentId = department, ItemKey = $"report:2024-05-{day}", SubmittedAt = FormsWorld.Beijing(2024, 5, day, 11, 0).UtcDateTime,
            SubmittedByName = "测试", SubmittedByTeamsId = "29:test",
            Data = FormJson.Serialize(new DailyReportData { Day = new DateOnly(2024, 5, day), TypicalCase = c, Story = s, FeatureReport = f }),
        });
        Report("jd", 14, "校企共建智能制造实训基地，三百名学生受益", "从学徒到工匠：王师傅的三年", "");
        Report("xx", 14, "信息学院开放日吸引三百名市民 [现场] *直播*", "", "技能大赛决赛现场报道");
        Report("sj", 13, "", "设计作品展：把非遗带进课堂", "");
        sp.GetRequiredService<IMediaStore>().Add(new MediaRecord
        {
            WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = "report:2024-05-14", FileName = "开幕式 (1).jpg", OriginalName = "开幕式 (1).jpg",
            Kind = MediaKind.Photo, Size = 2_400_000, State = MediaState.Stored, ReceivedAt = FormsWorld.Beijing(2024, 5, 14, 9, 0).UtcDateTime, Location = "m/a.jpg",
        });
        var picks = sp.GetRequiredService<IPickStore>();
        var at = FormsWorld.Beijing(2024, 5, 14, 15, 0).UtcDateTime;
        picks.Put(new Pick { WeekId = "2024-wuxi", Source = PickSource.Liaison, DepartmentId = "sj", ItemKey = "report:2024-05-13", Kind = PickKind.Story, ByName = "陈静", At = at });
        picks.Put(new Pick { WeekId = "2024-wuxi", Source = PickSource.Office, DepartmentId = "jd", ItemKey = "report:2024-05-14", Kind = PickKind.Case, ByName = "吴苏玲", At = at });
    }

    private void Render(ServiceProvider sp, ActiveWeek week, string name, string locale, PickSource source, RecommendFilter filter, string notice = "", bool problem = false)
    {
        var (card, data) = sp.GetRequiredService<RecommendViews>().Compose(week, source, filter, Strings.For(locale), notice, problem);
        // The bot passes the texts apart from the data; the npm templating reads them as data["t"].
        _samples.Add(new CardSample(name, RecommendCard.Template, CardTemplates.WithTexts((JsonObject)data.DeepClone(), Strings.For(locale)), card));
    }
}
