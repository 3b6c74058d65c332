namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>Decides whether an incoming request may be processed (Bot Framework channel JWT rules).</summary>
public interface IInboundAuthenticator
{
    /// <returns>True when the request is authentic for this activity; false means 401.</returns>
    Task<bool> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct);
}
