using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.Publishing;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.FileStatus;

/// <summary>
/// "文件状态": how many of the week's files reached SharePoint, the newest ones with their SharePoint links, and each one
/// still waiting or refused, with why.
/// </summary>
public sealed class FileStatusCard(CardTemplates cards, IMediaStore media, RemoteUploadWorker uploads)
{
    public const string Template = "file-status";
    private const int MaxRows = 25;
    private const int RecentRows = 5;

    public JsonObject Render(ActiveWeek week, DateTimeOffset now, Strings t)
    {
        var rows = media.NotUploaded().Where(r => r.WeekId == week.Definition.Id).ToList();
        var shown = rows.Count;
        while (true)
        {
            var card = cards.Render(Template, Fields(week, rows, shown, now, t), t);
            if (shown <= 1 || Digest.DigestBudget.WireBytes(card) <= Digest.DigestBudget.CardBytes) return card;
            shown = shown * 3 / 4;
        }
    }

    /// <summary>The template data with the texts in it (the card samples expand it with the reference engine).</summary>
    public JsonObject Data(ActiveWeek week, IReadOnlyList<MediaRecord> notUploaded, int shown, DateTimeOffset now, Strings t) =>
        CardTemplates.WithTexts(Fields(week, notUploaded, shown, now, t), t);

    // The texts go to the renderer apart: it keeps them converted once per language.
    private JsonObject Fields(ActiveWeek week, IReadOnlyList<MediaRecord> notUploaded, int shown, DateTimeOffset now, Strings t)
    {
        var calendar = week.Calendar;
        var take = Math.Min(Math.Min(shown, MaxRows), notUploaded.Count);
        int Count(RemoteState state) => media.CountByRemote(week.Definition.Id, state);
        // The newest files SharePoint took, linked: where the office finds them (a card cut down to fit shows fewer).
        var recentRows = shown >= notUploaded.Count ? RecentRows : Math.Clamp(shown, 1, RecentRows);
        var recent = uploads.Enabled ? media.RecentlyUploaded(week.Definition.Id, recentRows) : [];
        var items = notUploaded.Take(take).Select(r => (JsonNode)new JsonObject
        {
            ["what"] = $"**{week.Department(r.DepartmentId)?.Name ?? r.DepartmentId}** · {ItemName(r, t)} · {PlainText.Escape(r.FileName)} ({Size(r.Size, t)})",
            ["why"] = Reason(r, calendar, t),
            ["color"] = r.Remote == RemoteState.Failed ? "Attention" : "Warning",
        }).ToArray();
        return new JsonObject
        {
            ["subtitle"] = t.Format("filestatus_subtitle", week.Definition.Title, t.Format("fmt_datetime", calendar.ToLocal(now).DateTime)),
            ["summary"] = uploads.Enabled
                ? t.Format("filestatus_counts", Count(RemoteState.Uploaded), Count(RemoteState.Waiting), Count(RemoteState.Failed))
                : t.Format("filestatus_local_only", Count(RemoteState.None)),
            ["hasRecent"] = recent.Count > 0,
            ["recent"] = new JsonArray(recent.Select(r => (JsonNode)new JsonObject
            {
                ["line"] = $"**{week.Department(r.DepartmentId)?.Name ?? r.DepartmentId}** · {ItemName(r, t)} · {MediaSummary.Link(r)}",
            }).ToArray()),
            ["items"] = new JsonArray(items),
            ["more"] = notUploaded.Count > take ? t.Format("filestatus_more", notUploaded.Count - take) : "",
            ["allUploaded"] = uploads.Enabled && notUploaded.Count == 0,
            ["canRetry"] = notUploaded.Any(r => r.Remote == RemoteState.Failed),
        };
    }

    /// <summary>"SharePoint 不可用，将于 5月14日 10:32 自动重试（第 3 次）" and the like.</summary>
    public static string Reason(MediaRecord r, WeekCalendar calendar, Strings t)
    {
        var next = r.RemoteNextAttemptAt is { } at ? t.Format("fmt_datetime", calendar.ToLocal(WeekTime.Instant(at)).DateTime) : "";
        return r.RemoteError switch
        {
            UploadReason.Throttled => t.Format("filestatus_throttled", next, r.RemoteAttempts),
            UploadReason.Unavailable => t.Format("filestatus_unavailable", next, r.RemoteAttempts),
            UploadReason.Refused => t.Format("filestatus_refused", r.RemoteErrorDetail ?? ""),
            UploadReason.LocalMissing => t["filestatus_local_missing"],
            _ => t["filestatus_queued"],
        };
    }

    private static string ItemName(MediaRecord r, Strings t) =>
        WeekItem.Parse(r.ItemKey) is { } item ? ItemNames.Title(item, t) : r.ItemKey;

    private static string Size(long bytes, Strings t) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", t.Culture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
}
