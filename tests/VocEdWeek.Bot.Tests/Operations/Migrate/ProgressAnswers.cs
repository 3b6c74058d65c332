using System.Text.Encodings.Web;
using System.Text.Json;
using VocEdWeek.Bot.Features.Dashboard;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Tests.Features.Office;

namespace VocEdWeek.Bot.Tests.Operations.Migrate;

/// <summary>
/// Everything a bot says about a week's progress, rendered as the office sees it: the answers to the office's questions
/// (text and cards as JSON), the dashboard page as HTML, and every department × item status with its times. Two bots
/// whose records are the same give equal strings.
/// </summary>
internal static class ProgressAnswers
{
    public static readonly string[] Questions = ["今天谁还没报送", "进度", "5月15日日报谁没交", "本周谁还没交", "情况统计表交了吗", "who hasn't submitted today"];

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<string> AnswerAsync(OfficeWorld world, string question)
    {
        var locale = question.Any(c => c > 0x2E80) ? "zh-CN" : "en-US";
        var sent = await world.SayAsync(OfficeWorld.Staff, question, locale: locale);
        return string.Join("\n", sent.Select(m => m.Text + string.Join("\n", m.Cards.Select(c => c.ToJsonString(Readable)))));
    }

    /// <summary>The dashboard page for one viewer (same link, same nonce on both sides).</summary>
    public static string Dashboard(OfficeWorld world)
    {
        var data = world.Get<DashboardBuilder>().Build(world.Week);
        var viewer = new DashboardViewer("token", OfficeWorld.Staff.Name, world.Clock.GetUtcNow().AddHours(8), "/dashboard/media");
        return world.Get<DashboardPage>().Render(data, Strings.For("zh-CN"), viewer, "nonce");
    }

    public static List<string> Statuses(OfficeWorld world)
    {
        var progress = world.Get<ProgressService>().ForWeek(world.Week);
        return world.Week.Calendar.Items.SelectMany(item => world.Week.Definition.Departments.Select(d => progress.Department(d, item)))
            .Select(p => $"{p.Department.Id}|{p.Item.Key}|{p.Status}|{p.FirstSubmittedAt:O}|{p.LastSubmittedAt:O}|{p.Overdue}").ToList();
    }
}
