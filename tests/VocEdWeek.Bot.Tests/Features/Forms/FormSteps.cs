using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.Forms;

/// <summary>What a liaison types into each form, realistic and valid, so tests change one thing at a time.</summary>
public static class FormSteps
{
    public static IReadOnlyList<string> PlanRowIds(JsonObject card) =>
        ((string?)CardJson.Click(card, "plan.submit")["rows"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static Dictionary<string, string> ValidPlan(JsonObject card, int row = 0)
    {
        var id = PlanRowIds(card)[row];
        return new Dictionary<string, string>
        {
            ["planSummary"] = "围绕“一技在手，一生无忧”主题，开展实训中心开放日、校企集中签约和优秀校友寻访等系列活动。",
            ["columnUrl"] = "https://jd.college.example.edu.cn/zjhdz2024",
            [$"a_{id}_name"] = "智能制造实训中心开放日",
            [$"a_{id}_category"] = "openCampus",
            [$"a_{id}_date"] = "2024-05-14",
            [$"a_{id}_place"] = "实训楼A座",
            [$"a_{id}_audience"] = "中小学生、社会公众",
            [$"a_{id}_expected"] = "200",
            [$"a_{id}_public"] = "true",
        };
    }

    public static Dictionary<string, string> ValidReport() => new()
    {
        ["newActivities"] = "“工匠进校园”专题讲座",
        ["participants"] = "180",
        ["typicalCase"] = "机电学院开放智能制造实训中心，中小学生在师生指导下体验工业机器人编程。",
        ["story"] = "2019届校友王磊扎根一线，成长为省级技术能手。",
        ["featureReport"] = "",
        ["mediaLinks"] = "https://news.example.com/a/1\nhttps://www.example.gov.cn/b/2",
    };

    public static Dictionary<string, string> ValidStatistics() => new()
    {
        ["activitiesHeld"] = "12", ["studentParticipants"] = "1500", ["teacherParticipants"] = "120", ["publicParticipants"] = "300",
        ["enterprises"] = "18", ["agreements"] = "5", ["jobsOffered"] = "420",
        ["mediaNational"] = "1", ["mediaProvincial"] = "3", ["mediaMunicipal"] = "6", ["onlineViews"] = "25000",
    };

    /// <summary>Opens a form by command, fills it and clicks submit; returns the receipt (or error) card.</summary>
    public static async Task<JsonObject> SubmitAsync(FormsWorld world, string command, string verb, Func<JsonObject, Dictionary<string, string>> fill, TestUser? user = null)
    {
        user ??= FormsWorld.Liaison;
        var form = await world.CardForAsync(user, command);
        return (await world.ExecuteAsync(user, CardJson.Click(form, verb, fill(form)))).Card();
    }

    public static Task<JsonObject> SubmitPlanAsync(FormsWorld world, TestUser? user = null) =>
        SubmitAsync(world, "计划", "plan.submit", c => ValidPlan(c), user);
}
