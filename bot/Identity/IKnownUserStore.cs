namespace VocEdWeek.Bot.Identity;

/// <summary>Teams users' e-mail / UPN as the connector reported them, by Teams user id (<see cref="IdentityResolver"/>'s cache).</summary>
public interface IKnownUserStore
{
    KnownUser? Find(string teamsUserId);

    /// <summary>Adds the user, or overwrites the one with the same Teams id.</summary>
    void Save(KnownUser user);

    /// <summary>A user whose e-mail or UPN is <paramref name="email"/>, ignoring case; null when never seen.</summary>
    KnownUser? FindByEmail(string email);
}
