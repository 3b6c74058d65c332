namespace VocEdWeek.Bot.App;

/// <summary>
/// Who may run a command or press a button, declared by each handler and checked once, by <see cref="AccessGate"/>,
/// before the handler runs. Backup liaisons are liaisons.
/// </summary>
public enum Access
{
    /// <summary>Everyone, including people on no list (help, welcome); a handler may still answer by role.</summary>
    Anyone,

    /// <summary>Department liaisons of the active week (forms, my submissions, upload links).</summary>
    Liaison,

    /// <summary>Office staff of the active week; between weeks, of the latest week (exports of past weeks).</summary>
    Staff,
}
