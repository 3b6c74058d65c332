using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>Who is setting up, as the settings log names them: their roster name (else Teams name) and Entra id.</summary>
public sealed class SetupActor(IdentityResolver identity, WeekCatalog weeks)
{
    public async Task<Actor> OfAsync(TurnContext turn, CancellationToken ct)
    {
        var member = await identity.ResolveAsync(turn, weeks.Active?.Roster ?? weeks.Latest?.Roster ?? weeks.NoWeekRoster, ct);
        var name = member?.Person.Name is { Length: > 0 } n && !n.Contains('@', StringComparison.Ordinal) ? n : turn.User.Name ?? member?.Person.Name ?? "";
        return new Actor(name, turn.User.AadObjectId ?? member?.Person.Email);
    }
}
