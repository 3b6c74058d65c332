namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

/// <summary>
/// Who a validated Teams SSO token names: the Entra object id (<c>oid</c>) and the sign-in names it carries
/// (<c>preferred_username</c>, <c>upn</c>, <c>email</c>; any may be missing), matched against the week's roster.
/// </summary>
public sealed record TabIdentity(string ObjectId, IReadOnlyList<string> Names);

/// <summary>The verdict on a token: the person, or why it was refused (for the log only; the user sees one sentence).</summary>
public sealed record TabTokenResult(TabIdentity? Identity, string? Refusal)
{
    public bool IsValid => Identity is not null;

    public static TabTokenResult Valid(TabIdentity identity) => new(identity, null);

    public static TabTokenResult Refused(string reason) => new(null, reason);
}
