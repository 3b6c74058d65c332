namespace VocEdWeek.Bot.Protocol.Auth;

public enum KeyLookupStatus
{
    Found,
    Unknown,
    Unavailable,
}
