namespace VocEdWeek.Bot.Platform.Credentials;

/// <summary>
/// Why a token could not be had, in words: <see cref="Code"/> (Entra's AADSTS code, MSAL's error code, or ours for
/// managed identity), one <see cref="Message"/> that says what to do, the configuration <see cref="Key"/> to change
/// (null when nothing in the configuration is at fault), and whether trying again later may help.
/// </summary>
public sealed record TokenFailure(string Code, string Message, string? Key, bool IsTransient);
