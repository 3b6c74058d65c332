using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>The 1:1 reminder: the items owed, each deadline in Beijing time, and a button per item that opens its form.</summary>
public sealed class ReminderCard(CardTemplates cards)
{
    public OutgoingMessage Message(ActiveWeek week, ReminderTarget target, bool late, string? fromStaff, Strings t)
    {
        var data = Data(week, target, late, fromStaff, t);
        var first = target.Items[0];
        var calendar = week.Calendar;
        var summary = late
            ? t.Format("remind_summary_late", ItemNames.Title(first, t))
            : t.Format("remind_summary", ItemNames.Title(first, t), WeekTime.DateTime(calendar.DeadlineOf(first), calendar, t));
        return new OutgoingMessage { Cards = [cards.Render("reminder", data)], Summary = summary, Alert = true };
    }

    public static JsonObject Data(ActiveWeek week, ReminderTarget target, bool late, string? fromStaff, Strings t)
    {
        var calendar = week.Calendar;
        var items = new JsonArray(target.Items.Select(item =>
        {
            var deadline = WeekTime.DateTime(calendar.DeadlineOf(item), calendar, t);
            return (JsonNode)new JsonObject
            {
                ["title"] = ItemNames.Title(item, t),
                ["due"] = t.Format(late ? "remind_due_passed" : "remind_due", deadline),
                ["dueColor"] = late ? "Attention" : "Warning",
                ["button"] = t.Format("remind_fill", ItemNames.Title(item, t)),
                ["weekId"] = week.Definition.Id,
                ["itemKey"] = item.Key,
            };
        }).ToArray());
        return new JsonObject
        {
            ["title"] = t[late ? "remind_title_late" : "remind_title"],
            ["titleColor"] = late ? "Attention" : "Default",
            ["subtitle"] = t.Format("form_subtitle", target.Department.Name, week.Definition.Title),
            ["greeting"] = t.Format("remind_greeting", target.Person.Name),
            ["intro"] = t.Format(late ? "remind_intro_late" : "remind_intro", target.Department.Name),
            ["items"] = items,
            ["from"] = fromStaff is null ? "" : t.Format("remind_from_staff", week.Definition.Office.Name, fromStaff),
            ["footer"] = t["remind_footer"],
        };
    }
}
