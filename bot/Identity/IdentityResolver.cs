using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Identity;

/// <summary>
/// Who is talking, for the active week (or a given one): matched by <c>from.aadObjectId</c>, else by the e-mail or
/// UPN that the connector's get-member call returns (kept in <see cref="IKnownUserStore"/>, asked again after a day).
/// </summary>
public sealed class IdentityResolver
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromDays(1);
    private readonly IKnownUserStore _users;
    private readonly WeekCatalog _weeks;
    private readonly TimeProvider _time;

    public IdentityResolver(IKnownUserStore users, WeekCatalog weeks, TimeProvider time)
    {
        _users = users;
        _weeks = weeks;
        _time = time;
    }

    /// <summary>Who is talking in the active week; with no week at all, only the admins of <c>Office:Admins</c> are someone.</summary>
    public Task<Member?> ResolveAsync(TurnContext turn, CancellationToken ct) =>
        ResolveAsync(turn, _weeks.Active?.Roster ?? _weeks.NoWeekRoster, ct);

    /// <summary>Who is talking according to <paramref name="week"/>'s roster (a past week's, for its exports).</summary>
    public Task<Member?> ResolveAsync(TurnContext turn, ActiveWeek week, CancellationToken ct) => ResolveAsync(turn, week.Roster, ct);

    public async Task<Member?> ResolveAsync(TurnContext turn, Roster roster, CancellationToken ct)
    {
        if (roster.Find(turn.User.AadObjectId, null) is { } byId) return byId;
        var known = await LookUpAsync(turn, ct);
        return roster.Find(known?.AadObjectId, known?.Email) ?? roster.Find(null, known?.UserPrincipalName);
    }

    /// <summary>A Teams user seen before whose e-mail or UPN is <paramref name="email"/>; null when never seen.</summary>
    public KnownUser? FindByEmail(string email) => _users.FindByEmail(email);

    private async Task<KnownUser?> LookUpAsync(TurnContext turn, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(turn.User.Id)) return null;
        var cached = _users.Find(turn.User.Id);
        if (cached is not null && _time.GetUtcNow().UtcDateTime - cached.CheckedAt < CacheFor) return cached;
        MemberInfo? member;
        try
        {
            member = await turn.Messenger.GetMemberAsync(turn.Conversation, turn.User.Id, ct);
        }
        catch (HttpRequestException)
        {
            return cached;
        }
        if (member is null) return cached;
        var user = new KnownUser
        {
            Id = turn.User.Id,
            AadObjectId = member.AadObjectId ?? turn.User.AadObjectId,
            Email = member.Email,
            UserPrincipalName = member.UserPrincipalName,
            CheckedAt = _time.GetUtcNow().UtcDateTime,
        };
        _users.Save(user);
        return user;
    }
}
