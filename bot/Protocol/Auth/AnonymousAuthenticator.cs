namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>Anonymous mode (empty MicrosoftAppId): every request passes. Refused in Production at start-up.</summary>
public sealed class AnonymousAuthenticator : IInboundAuthenticator
{
    public Task<bool> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct) => Task.FromResult(true);
}
