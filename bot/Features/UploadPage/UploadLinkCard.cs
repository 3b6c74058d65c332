using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>The card with the link: what it is for, until when, and a button that opens it in the browser.</summary>
public sealed class UploadLinkCard(CardTemplates cards)
{
    public JsonObject Render(Strings t, string target, DateTimeOffset expires, WeekCalendar calendar, string url) =>
        cards.Render("upload-link", Fields(t, target, expires, calendar, url), t);

    /// <summary>The template data with the texts in it (the card samples expand it with the reference engine).</summary>
    public static JsonObject Data(Strings t, string target, DateTimeOffset expires, WeekCalendar calendar, string url) =>
        CardTemplates.WithTexts(Fields(t, target, expires, calendar, url), t);

    // The texts go to the renderer apart: it keeps them converted once per language.
    private static JsonObject Fields(Strings t, string target, DateTimeOffset expires, WeekCalendar calendar, string url) => new()
    {
        ["target"] = target,
        ["expires"] = t.Format("upload_card_expires_value", WeekTime.DateTime(expires, calendar, t)),
        ["url"] = url,
    };
}
