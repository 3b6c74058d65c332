using System.Collections.Concurrent;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// Finds a person's Teams id in the member lists of the teams the bot is installed in, by Entra id or
/// e-mail/UPN. Offices usually put every liaison in one team, so a liaison who never talked to the bot
/// (or is known only by e-mail) can still get a 1:1 message. Rosters are cached for a few minutes.
/// </summary>
public sealed class TeamRoster(IConversationStore conversations, IMessenger messenger, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<MemberInfo> Members)> _cache = new();

    public async Task<MemberInfo?> FindAsync(string? tenantId, string? aadObjectId, string? email, CancellationToken ct)
    {
        if (aadObjectId is null && email is null) return null;
        foreach (var team in conversations.Teams(tenantId))
        {
            var members = await MembersAsync(team, ct);
            var hit = members.FirstOrDefault(m =>
                (aadObjectId is not null && string.Equals(m.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))
                || (email is not null && (string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)
                                          || string.Equals(m.UserPrincipalName, email, StringComparison.OrdinalIgnoreCase))));
            if (hit is not null) return hit;
        }
        return null;
    }

    private async Task<IReadOnlyList<MemberInfo>> MembersAsync(ConversationRecord team, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(team.TeamId!, out var cached) && now - cached.At < CacheFor) return cached.Members;
        var list = new List<MemberInfo>();
        try
        {
            var teamRef = team.ToRef() with { ConversationId = team.TeamId! };
            await foreach (var m in messenger.GetMembersAsync(teamRef, 500, ct)) list.Add(m);
        }
        catch (HttpRequestException)
        {
            return cached.Members ?? [];
        }
        _cache[team.TeamId!] = (now, list);
        return list;
    }
}
