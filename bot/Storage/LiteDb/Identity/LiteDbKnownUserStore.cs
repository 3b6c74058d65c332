using LiteDB;
using VocEdWeek.Bot.Identity;

namespace VocEdWeek.Bot.Storage.LiteDb.Identity;

/// <summary>Known Teams users in the LiteDB file.</summary>
public sealed class LiteDbKnownUserStore(BotDatabase db) : IKnownUserStore
{
    private readonly ILiteCollection<KnownUser> _users = db.Collection<KnownUser>("users");

    public KnownUser? Find(string teamsUserId) => _users.FindById(teamsUserId);

    public void Save(KnownUser user) => _users.Upsert(user);

    public KnownUser? FindByEmail(string email) =>
        _users.FindAll().FirstOrDefault(u =>
            string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase) || string.Equals(u.UserPrincipalName, email, StringComparison.OrdinalIgnoreCase));
}
