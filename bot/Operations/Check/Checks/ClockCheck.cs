using VocEdWeek.Bot.Platform;
using VocEdWeek.Bot.Protocol;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>
/// Compares this machine's clock (the one tokens are checked against, <see cref="WallClock"/>) with the <c>Date</c>
/// header of the login host: Teams' tokens are only accepted within 5 minutes, and Entra refuses signed assertions
/// from a clock that is off; a drift of a minute already means time sync is not running.
/// </summary>
public sealed class ClockCheck : ICheck
{
    /// <summary>The Date header has whole seconds; one more second covers that and the request's own travel time.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(1);

    public string NameKey => "check_name_clock";

    public async Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct)
    {
        var options = context.Services.GetRequiredService<BotFrameworkOptions>();
        var clock = context.Services.GetRequiredService<WallClock>().Time;
        var key = "ToChannelFromBotLoginUrl";
        if (!Uri.TryCreate(options.LoginAuthority, UriKind.Absolute, out var authority))
            return CheckResult.Fail(context.T("check_clock_unreachable", options.LoginAuthority, "not a URL"), context.T("check_entra_unreachable_fix"), key);
        var host = authority.GetLeftPart(UriPartial.Authority);

        DateTimeOffset? date;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, host + "/");
            using var response = await context.Http().SendAsync(request, ct);
            date = response.Headers.Date;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return CheckResult.Fail(context.T("check_clock_unreachable", host, Reason.Of(ex)), context.T("check_entra_unreachable_fix"), key);
        }
        if (date is not { } serverTime)
            return CheckResult.Fail(context.T("check_clock_no_date", host), context.T("check_entra_unreachable_fix"), key);

        var skew = clock.GetUtcNow() - serverTime;
        var seconds = Math.Abs(skew.TotalSeconds);
        if (skew.Duration() <= Tolerance + TimeSpan.FromSeconds(1))
            return CheckResult.Pass(context.T("check_clock_ok", authority.Host, seconds));
        var direction = context.T(skew > TimeSpan.Zero ? "check_clock_ahead" : "check_clock_behind");
        // Not a setting: the operating system's clock is what to fix.
        return CheckResult.Fail(context.T("check_clock_skew", seconds, direction, authority.Host), context.T("check_clock_fix"), null);
    }
}
