using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.DigestChannel;

/// <summary>
/// The digest channel in words: which channel, who bound it and when (in the week's zone), the one before, and
/// <c>Office:DigestChannelId</c> — which applies only while nothing is bound from Teams.
/// </summary>
public sealed class DigestChannelStatus(ISettingsStore settings, AccessGate gate, IConfiguration configuration)
{
    private string? Configured => configuration["Office:DigestChannelId"] is { Length: > 0 } id ? id : null;

    /// <summary>"通知频道" / "digest channel".</summary>
    public string Describe(TurnContext turn, Strings t)
    {
        var setting = settings.Find(DigestChannelHandler.SettingKey);
        string text;
        if (setting is { Value.Length: > 0 })
        {
            text = t.Format("channel_status", Channel(setting.Value!, turn, t), setting.ChangedByName ?? setting.ChangedBy ?? "?", When(setting.ChangedAt, t));
            if (Configured is { } configured) text += t.Format("channel_status_config_also", configured);
        }
        else
        {
            text = Configured is { } configured ? t.Format("channel_status_config", Channel(configured, turn, t)) : t["channel_status_none"];
        }
        if (setting?.Previous is { } previous) text += t.Format("channel_status_previous", Shown(previous.Value, t));
        return text;
    }

    /// <summary>The answer to binding this channel.</summary>
    public string Bound(string? was, Strings t) =>
        t["channel_set"] + t.Format("channel_set_previous", Shown(was, t));

    /// <summary>The answer to moving back.</summary>
    public string Restored(TurnContext turn, Strings t) =>
        settings.Get(DigestChannelHandler.SettingKey) is { } now
            ? t.Format("channel_restored", Channel(now, turn, t))
            : t.Format("channel_restored_config", Configured ?? t["channel_none"]);

    /// <summary>A channel as shown: its id, or "not set from Teams (Office:DigestChannelId …)".</summary>
    private string Shown(string? value, Strings t) =>
        value is { Length: > 0 } ? value : t.Format("channel_not_bound", Configured ?? t["channel_none"]);

    private static string Channel(string id, TurnContext turn, Strings t) =>
        id == turn.Conversation.ChannelId ? id + t["channel_status_here"] : id;

    private string When(DateTime storedUtc, Strings t) =>
        gate.RosterWeek(Access.Staff) is { } week
            ? WeekTime.DateTime(WeekTime.Instant(storedUtc), week.Calendar, t)
            : WeekTime.Instant(storedUtc).ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
