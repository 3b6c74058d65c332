using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// The "设置" card (the week as it is, with a form per change) and the confirm card, which turns into its own receipt in place.
/// </summary>
public sealed class SettingsCards(CardTemplates cards, OfficeAdmins configured)
{
    public const string ProposeVerb = "settings.propose";
    public const string ConfirmVerb = "settings.confirm";
    public const string CancelVerb = "settings.cancel";

    public const string OverviewTemplate = "settings";
    public const string ConfirmTemplate = "settings-confirm";

    // The texts go to the renderer apart (it keeps them converted once per language); the *Data methods put them in
    // the data, as the card samples for the reference templating engine need.
    public JsonObject Overview(ActiveWeek week, Strings t) => cards.Render(OverviewTemplate, OverviewFields(week, t), t);

    public JsonObject Render(string template, JsonObject data) => cards.Render(template, data);

    public JsonObject OverviewData(ActiveWeek week, Strings t) => CardTemplates.WithTexts(OverviewFields(week, t), t);

    private JsonObject OverviewFields(ActiveWeek week, Strings t)
    {
        var def = week.Definition;
        var calendar = week.Calendar;
        var zone = OfficeFormat.Zone(calendar, t);
        JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
        JsonObject Choice(string title, string value) => new() { ["title"] = title, ["value"] = value };
        string At(DateTimeOffset instant) => $"{WeekTime.DateTime(instant, calendar, t)}（{zone}）";
        string Shown(Person p) => PlainText.Escape(SettingsWords.Person(p, t));
        string People(IEnumerable<Person> people) => string.Join(t["list_separator"], people.Select(Shown)) is { Length: > 0 } s ? s : t["settings_none"];

        var office = def.Office;
        var officePeople = office.Admins.Select(p => (p, Role.Admin)).Concat(office.Staff.Select(p => (p, Role.Staff))).Concat(office.Observers.Select(p => (p, Role.Observer)));
        var data = new JsonObject
        {
            ["title"] = t.Format("settings_card_title", PlainText.Escape(def.Title)),
            ["subtitle"] = t.Format("settings_card_subtitle", WeekTime.Range(calendar, t), def.Id),
            ["weekId"] = def.Id,
            ["reportTime"] = calendar.ReportTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["deadlines"] = new JsonArray(
                Fact(ItemNames.KindName(ItemKind.Plan, t), At(calendar.PlanDeadline)),
                Fact(ItemNames.KindName(ItemKind.DailyReport, t), t.Format("settings_daily_at", def.Deadlines.DailyReport, zone)),
                Fact(ItemNames.KindName(ItemKind.Statistics, t), At(calendar.StatisticsDeadline)),
                Fact(ItemNames.KindName(ItemKind.Summary, t), At(calendar.SummaryDeadline))),
            ["office"] = new JsonArray(
                Fact(SettingsWords.RoleName(Role.Admin, t), People(office.Admins.Concat(FromConfiguration(office)))),
                Fact(SettingsWords.RoleName(Role.Staff, t), People(office.Staff)),
                Fact(SettingsWords.RoleName(Role.Observer, t), People(office.Observers))),
            ["departments"] = new JsonArray(def.Departments.Select(d => (JsonNode)Fact(PlainText.Escape($"{d.Name}（{d.Id}）"), People(d.Liaisons))).ToArray()),
            ["departmentChoices"] = new JsonArray(def.Departments.Select(d => (JsonNode)Choice(d.Name, d.Id)).ToArray()),
            ["liaisonChoices"] = new JsonArray(def.Departments.SelectMany(d => d.Liaisons.Select(p =>
                (JsonNode)Choice($"{d.Name} · {(p.Backup ? t.Format("settings_backup_mark", p.Name) : p.Name)}", $"{d.Id}|{SettingsCommandParser.Key(p)}"))).ToArray()),
            ["officeChoices"] = new JsonArray(officePeople.Select(x => (JsonNode)Choice($"{x.p.Name}（{SettingsWords.RoleName(x.Item2, t)}）", SettingsCommandParser.Key(x.p))).ToArray()),
            ["roleChoices"] = new JsonArray(new[] { Role.Staff, Role.Observer, Role.Admin }.Select(r => (JsonNode)Choice(SettingsWords.RoleName(r, t), r.ToString())).ToArray()),
            ["itemChoices"] = new JsonArray(new[] { ItemKind.Plan, ItemKind.Statistics, ItemKind.Summary }.Select(i => (JsonNode)Choice(ItemNames.KindName(i, t), i.ToString())).ToArray()),
        };
        return data;
    }

    /// <summary>The confirm card (with 确认 / 取消) for a pending change.</summary>
    public JsonObject Confirm(ActiveWeek week, PendingChange pending, ChangePreview preview, Strings t) =>
        cards.Render(ConfirmTemplate, ConfirmFields(week, pending, preview, t), t);

    public JsonObject ConfirmData(ActiveWeek week, PendingChange pending, ChangePreview preview, Strings t) =>
        CardTemplates.WithTexts(ConfirmFields(week, pending, preview, t), t);

    private static JsonObject ConfirmFields(ActiveWeek week, PendingChange pending, ChangePreview preview, Strings t) =>
        Fields(week, preview, t, t["settings_confirm_title"], "Default", t.Format("settings_confirm_note", WeekTime.DateTime(Expiry(pending), week.Calendar, t)), pending.Id);

    /// <summary>The receipt: applied (at once, everywhere), cancelled, or refused with the reason.</summary>
    public JsonObject Receipt(ActiveWeek week, ChangePreview preview, string title, string color, string note, Strings t) =>
        cards.Render(ConfirmTemplate, Fields(week, preview, t, title, color, note, null), t);

    public static JsonObject Data(ActiveWeek week, ChangePreview preview, Strings t, string title, string color, string note, string? pendingId) =>
        CardTemplates.WithTexts(Fields(week, preview, t, title, color, note, pendingId), t);

    private static JsonObject Fields(ActiveWeek week, ChangePreview preview, Strings t, string title, string color, string note, string? pendingId) =>
        new JsonObject
        {
            ["title"] = title,
            ["color"] = color,
            ["week"] = PlainText.Escape(week.Definition.Title),
            ["kind"] = SettingsWords.Kind(preview.Kind, t),
            ["subject"] = PlainText.Escape(SettingsWords.Subject(preview.Kind, preview.Subject, t, week)),
            ["before"] = PlainText.Escape(SettingsWords.Value(preview.Kind, preview.Before, t)),
            ["after"] = PlainText.Escape(SettingsWords.Value(preview.Kind, preview.After, t)),
            ["note"] = note,
            ["pending"] = pendingId is not null,
            ["pendingId"] = pendingId ?? "",
        };

    private static DateTimeOffset Expiry(PendingChange pending) => WeekTime.Instant(pending.ExpiresAt);

    /// <summary>Admins named in configuration (<c>Office:Admins</c>) who are not also listed in the week.</summary>
    private IEnumerable<Person> FromConfiguration(OfficeInfo office) =>
        configured.People.Where(c => !office.Admins.Any(a => WeekChange.Is(a, WeekChange.KeyOf(c))));
}
