using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// The office cards as staff see them — the 2024 Wuxi week on Tuesday 14 May 10:00 (late, made-up and exempt reports,
/// personal chat and channel, Chinese and English), and generated weeks of 60 and 1,000 departments on Thursday 16 May
/// 11:00 — written expanded to artifacts/cards/office-*.json for the node checks. Each sample keeps its template and data.
/// </summary>
public sealed class OfficeSamples
{
    public sealed record Sample(string Name, string Template, JsonObject Data, JsonObject Card);

    private readonly List<Sample> _samples = [];

    public OfficeSamples()
    {
        Wuxi();
        Generated(60);
        Generated(1000);
        Files = CardSampleChecks.Write("office", _samples.Select(s => (s.Name, s.Card)));
    }

    public static string Folder => CardSampleChecks.Folder;

    public IReadOnlyList<Sample> All => _samples;

    public IReadOnlyList<string> Files { get; }

    private void Wuxi()
    {
        using var world = new OfficeWorld(FormsWorld.Beijing(2024, 5, 14, 10, 0));
        world.Submit("jd", "plan", FormsWorld.Beijing(2024, 5, 11, 16, 0));
        world.Submit("xx", "plan", FormsWorld.Beijing(2024, 5, 12, 9, 30));
        world.Submit("jg", "plan", FormsWorld.Beijing(2024, 5, 12, 14, 5));
        world.Submit("jz", "plan", FormsWorld.Beijing(2024, 5, 11, 10, 0));
        foreach (var d in new[] { "jd", "xx", "jg", "jz" }) world.Submit(d, "report:2024-05-12", FormsWorld.Beijing(2024, 5, 12, 10, 30));
        world.Submit("jd", "report:2024-05-13", FormsWorld.Beijing(2024, 5, 13, 11, 59));
        world.Submit("xx", "report:2024-05-13", FormsWorld.Beijing(2024, 5, 13, 12, 31));
        world.Submit("jg", "report:2024-05-13", FormsWorld.Beijing(2024, 5, 14, 9, 10));
        world.Store.Exempt(new Exemption { WeekId = "2024-wuxi", DepartmentId = "jz", ItemKey = "report:2024-05-13", SetBy = "wusuling", Reason = "外出参赛" });
        world.Submit("jd", "report:2024-05-14", FormsWorld.Beijing(2024, 5, 14, 9, 12));
        world.Submit("xx", "report:2024-05-14", FormsWorld.Beijing(2024, 5, 14, 9, 40));

        var today = new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 14));
        var yesterday = new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 13));
        AddMissing(world, "missing-today.zh", today, "zh-CN", mention: false);
        AddMissing(world, "missing-today-channel.zh", today, "zh-CN", mention: true);
        AddMissing(world, "missing-yesterday.zh", yesterday, "zh-CN", mention: false);
        AddMissing(world, "missing-plan.zh", new WeekItem(ItemKind.Plan), "zh-CN", mention: false);
        AddMissing(world, "missing-today.en", today, "en-US", mention: false);
        AddProgress(world, "progress.zh", "zh-CN", today);
        AddProgress(world, "progress.en", "en-US", today);
    }

    private void Generated(int departments)
    {
        using var world = new OfficeWorld(FormsWorld.Beijing(2024, 5, 16, 11, 0), departments);
        SampleWeeks.Submit(world.Store, world.Get<IAtomicWrites>(), world.Week, world.Clock.GetUtcNow());
        var today = new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 16));
        AddMissing(world, $"missing-{departments}-channel.zh", today, "zh-CN", mention: true);
        AddMissing(world, $"missing-{departments}-yesterday.zh", new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 15)), "zh-CN", mention: false);
        AddProgress(world, $"progress-{departments}.zh", "zh-CN", today);
    }

    private void AddMissing(OfficeWorld world, string name, WeekItem item, string locale, bool mention)
    {
        var snapshot = world.Get<ProgressService>().ForWeek(world.Week);
        var rendered = world.Get<MissingCard>().Compose(snapshot, item, Strings.For(locale), mention);
        _samples.Add(new Sample(name, "missing", WithTexts(rendered.Data, locale), rendered.Card));
    }

    private void AddProgress(OfficeWorld world, string name, string locale, WeekItem backTo)
    {
        var snapshot = world.Get<ProgressService>().ForWeek(world.Week);
        var rendered = world.Get<ProgressCard>().Compose(snapshot, Strings.For(locale), backTo);
        _samples.Add(new Sample(name, "progress", WithTexts(rendered.Data, locale), rendered.Card));
    }

    // The bot passes the texts apart from the data; the npm templating reads them as data["t"].
    private static JsonObject WithTexts(JsonObject data, string locale)
    {
        var copy = (JsonObject)data.DeepClone();
        copy["t"] = Strings.For(locale).AsJson();
        return copy;
    }
}
