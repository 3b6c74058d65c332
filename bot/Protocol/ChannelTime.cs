using System.Globalization;
using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// When a turn happened, on the app's clock: the channel's own <c>timestamp</c> (when Teams took the click or message), not
/// when this process got round to it. At 11:59:59 a thousand liaisons press 提交 at once; the ones the bot reaches after
/// 12:00 clicked on time all the same, and their receipt must say 已提交, not 迟交.
/// The channel's time is on the real clock (<see cref="WallClock"/>), so it counts as a delay subtracted from the app's now
/// (the app's clock may be a rehearsal's). Only a delay of up to <see cref="MaxCredit"/> is believed: a timestamp in the
/// future, far in the past (a replayed or recorded activity) or unreadable gives the instant the request arrived.
/// </summary>
public static class ChannelTime
{
    /// <summary>More than Teams waits for an answer (15 s) plus its redeliveries; less than any deadline's grace would matter.</summary>
    public static readonly TimeSpan MaxCredit = TimeSpan.FromMinutes(2);

    public static DateTimeOffset Arrival(string? channelTimestamp, DateTimeOffset arrivedOnAppClock, DateTimeOffset realNow)
    {
        if (!DateTimeOffset.TryParse(channelTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent))
            return arrivedOnAppClock;
        var delay = realNow - sent;
        return delay > TimeSpan.Zero && delay <= MaxCredit ? arrivedOnAppClock - delay : arrivedOnAppClock;
    }
}
