namespace VocEdWeek.Bot.Weeks.Settings;

/// <summary>Who made a change: the name shown in the settings log and their Entra id (or e-mail).</summary>
public sealed record Actor(string Name, string? Key);
