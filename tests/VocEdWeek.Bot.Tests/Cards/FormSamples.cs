using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.MySubmissions;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Features.Statistics;
using VocEdWeek.Bot.Features.Summary;
using Media = VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// Every form template filled as a liaison of 机电工程学院 would see it during the 2024 week (fresh,
/// pre-filled, with errors, receipts, my submissions; Chinese and English), written expanded to
/// artifacts/cards/form-*.json for the node checks. Each sample keeps its template name and data.
/// </summary>
public sealed class FormSamples : IDisposable
{
    public sealed record Sample(string Name, string Template, JsonObject Data, JsonObject Card);

    private readonly FormsWorld _world = new(Beijing(2024, 5, 11, 16, 0));
    private readonly List<Sample> _samples = [];

    public FormSamples()
    {
        Build().GetAwaiter().GetResult();
        Files = CardSampleChecks.Write("form", _samples.Select(s => (s.Name, s.Card)));
    }

    public static string Folder => CardSampleChecks.Folder;

    public IReadOnlyList<Sample> All => _samples;

    public IReadOnlyList<string> Files { get; }

    private FormCards Cards => _world.Get<FormCards>();

    private async Task Build()
    {
        var plan = _world.Get<PlanForm>();
        var report = _world.Get<DailyReportForm>();
        var stats = _world.Get<StatisticsForm>();
        var summary = _world.Get<SummaryForm>();
        var planItem = new WeekItem(ItemKind.Plan);

        // Before the week: the empty plan form, and one sent back with mistakes.
        Add("plan-new.zh", plan, planItem, await Session(), null);
        Add("plan-new.en", plan, planItem, await Session("en-US"), null);
        var s = await Session();
        var fresh = await _world.CardForAsync(Liaison, "计划");
        var typed = FormSteps.ValidPlan(fresh);
        var row = FormSteps.PlanRowIds(fresh)[0];
        typed["phone"] = "0510-8888-";
        typed[$"a_{row}_category"] = "";
        typed[$"a_{row}_date"] = "2024-05-20";
        AddChecked("plan-errors.zh", plan, planItem, s, CardJson.Click(fresh, "plan.submit", typed));

        // 12日 11:20: the plan with three activities; its receipt; then the form opened again to edit.
        _world.SetBeijing(5, 12, 11, 20);
        await SubmitPlanWithThreeActivitiesAsync();
        s = await Session();
        AddReceipt("receipt-plan.zh", plan, planItem, s);
        _world.SetBeijing(5, 12, 15, 0);
        Add("plan-edit.zh", plan, planItem, await Session(), _world.Store.Current("2024-wuxi", "jd", "plan"));

        // 13日: a report with an activity that was not in the plan.
        _world.SetBeijing(5, 13, 10, 30);
        await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());

        // 14日 10:00: today's report offers the planned activities and yesterday's addition.
        _world.SetBeijing(5, 14, 10, 0);
        var reportItem = new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 14));
        Add("report-new.zh", report, reportItem, await Session(), null);
        Add("report-new.en", report, reportItem, await Session("en-US"), null);
        var reportCard = await _world.CardForAsync(Liaison, "日报");
        var badReport = FormSteps.ValidReport();
        badReport["participants"] = "-20";
        badReport["mediaLinks"] = "https://news.example.com/a/1\nnews.example.com/b";
        badReport["typicalCase"] = badReport["story"] = "";
        AddChecked("report-errors.zh", report, reportItem, await Session(), CardJson.Click(reportCard, "report.submit", badReport));

        // The 14日 card is sent after midnight (补交), then corrected in the morning (第2版).
        _world.SetBeijing(5, 15, 0, 1);
        var filled = FormSteps.ValidReport();
        filled["held"] = string.Join(',', CardJson.Input(reportCard, "held")["choices"]!.AsArray().Take(2).Select(c => (string)c!["value"]!));
        filled["featureReport"] = "5月14日，学院举行校企集中签约仪式，与12家企业签订合作协议，新增订单班3个。";
        await _world.ExecuteAsync(Liaison, CardJson.Click(reportCard, "report.submit", filled));
        _world.SetBeijing(5, 15, 9, 10);
        var edit = (await _world.ExecuteAsync(Liaison, new JsonObject { ["verb"] = "form.open", ["weekId"] = "2024-wuxi", ["itemKey"] = reportItem.Key })).Card();
        await _world.ExecuteAsync(Liaison, CardJson.Click(edit, "report.submit", new Dictionary<string, string> { ["participants"] = "260" }));
        foreach (var (file, kind) in new[] { ("校企签约仪式-1.jpg", Media.MediaKind.Photo), ("校企签约仪式-2.jpg", Media.MediaKind.Photo), ("实训中心开放日.mp4", Media.MediaKind.Video) })
        {
            _world.Get<Media.IMediaStore>().Add(new Media.MediaRecord
            {
                WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = reportItem.Key, FileName = file, OriginalName = file, Kind = kind,
                State = Media.MediaState.Stored, ReceivedAt = _world.Clock.GetUtcNow().UtcDateTime, FromName = "张伟",
            });
        }
        AddReceipt("receipt-report-made-up.zh", report, reportItem, await Session());

        // 16日 10:00: my submissions, mid-week.
        _world.SetBeijing(5, 16, 10, 0);
        foreach (var (name, locale) in new[] { ("mine.zh", "zh-CN"), ("mine.en", "en-US") })
        {
            var session = await Session(locale);
            var data = _world.Get<MySubmissionsCard>().Data(session);
            _samples.Add(new Sample(name, MySubmissionsCard.Template, data, Render(MySubmissionsCard.Template, data)));
        }

        // 19日: statistics (pre-filled from the reports), with errors, submitted; summary with a Word file.
        _world.SetBeijing(5, 19, 9, 0);
        var statsItem = new WeekItem(ItemKind.Statistics);
        Add("statistics-new.zh", stats, statsItem, await Session(), null);
        var statsCard = await _world.CardForAsync(Liaison, "统计");
        var badStats = FormSteps.ValidStatistics();
        badStats["teacherParticipants"] = "-3";
        badStats["jobsOffered"] = "12.5";
        AddChecked("statistics-errors.zh", stats, statsItem, await Session(), CardJson.Click(statsCard, "stats.submit", badStats));
        await _world.ExecuteAsync(Liaison, CardJson.Click(statsCard, "stats.submit", FormSteps.ValidStatistics()));
        AddReceipt("receipt-statistics.zh", stats, statsItem, await Session());

        var summaryItem = new WeekItem(ItemKind.Summary);
        _world.Get<SummaryService>().AttachDocument("2024-wuxi", "jd",
            new SummaryDocument("机电工程学院2024年职业教育活动周总结.docx", null, "files/2024-wuxi/jd/summary.docx", 52144, DateTime.UtcNow), "张伟", Liaison.AadObjectId, Liaison.Id);
        Add("summary-new.zh", summary, summaryItem, await Session(), _world.Store.Current("2024-wuxi", "jd", "summary"));
        _world.SetBeijing(5, 19, 16, 45);
        await FormSteps.SubmitAsync(_world, "summary", "summary.submit", _ => new()
        {
            ["summaryText"] = "本次活动周学院共开展活动12项，参与师生及社会公众1920人次，签订校企合作协议5项。",
        });
        AddReceipt("receipt-summary.en", summary, summaryItem, await Session("en-US"));
    }

    private async Task SubmitPlanWithThreeActivitiesAsync()
    {
        var card = await _world.CardForAsync(Liaison, "计划");
        var typed = FormSteps.ValidPlan(card);
        for (var i = 0; i < 2; i++) card = (await _world.ExecuteAsync(Liaison, CardJson.Click(card, "plan.addActivity", typed))).Card();
        var rows = FormSteps.PlanRowIds(card);
        (string Name, string Category, string Date, string Place)[] more =
        [
            ("校企集中签约仪式", "signing", "2024-05-14", "行政楼报告厅"),
            ("“十年·回眸”活动周成果展", "review10", "2024-05-16", "图书馆一楼展厅"),
        ];
        for (var i = 0; i < more.Length; i++)
        {
            typed[$"a_{rows[i + 1]}_name"] = more[i].Name;
            typed[$"a_{rows[i + 1]}_category"] = more[i].Category;
            typed[$"a_{rows[i + 1]}_date"] = more[i].Date;
            typed[$"a_{rows[i + 1]}_place"] = more[i].Place;
            typed[$"a_{rows[i + 1]}_audience"] = "本校师生、合作企业";
            typed[$"a_{rows[i + 1]}_expected"] = "150";
        }
        await _world.ExecuteAsync(Liaison, CardJson.Click(card, "plan.submit", typed));
    }

    private async Task<FormSession> Session(string locale = "zh-CN")
    {
        var turn = _world.Build(Liaison, TurnKind.Message, locale, "", null);
        return await _world.Get<FormAccess>().StartAsync(turn, CancellationToken.None) ?? throw new InvalidOperationException("No session.");
    }

    private void Add(string name, IForm form, WeekItem item, FormSession s, VocEdWeek.Bot.Submissions.Submission? current)
    {
        var data = Cards.FormData(s, form, item, form.Values(s, item, current), new FieldErrors(), "0123456789abcdef0123456789abcdef");
        _samples.Add(new Sample(name, form.Template, data, Render(form.Template, data)));
    }

    private void AddChecked(string name, IForm form, WeekItem item, FormSession s, JsonObject click)
    {
        var values = form.Read(s, item, new FormInput(JsonSerializer.SerializeToElement(click)));
        var check = form.Check(s, item, values);
        Assert.True(check.Errors.Any, $"{name} was meant to have errors.");
        var data = Cards.FormData(s, form, item, values, check.Errors, (string)click["cardId"]!);
        _samples.Add(new Sample(name, form.Template, data, Render(form.Template, data)));
    }

    private void AddReceipt(string name, IForm form, WeekItem item, FormSession s)
    {
        var data = Cards.ReceiptData(s, form, item, _world.Store.Current(s.WeekId, s.Department.Id, item.Key)!);
        _samples.Add(new Sample(name, "receipt", data, Render("receipt", data)));
    }

    private JsonObject Render(string template, JsonObject data) => _world.Get<CardTemplates>().Render(template, data);

    public void Dispose() => _world.Dispose();
}
