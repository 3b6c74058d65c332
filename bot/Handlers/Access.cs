namespace VocEdWeek.Bot.Handlers;

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

    /// <summary>Anyone of the office — observers (read-only), staff, admins: progress and the dashboard.</summary>
    Office,

    /// <summary>Office staff and admins of the active week; between weeks, of the latest week (exports of past weeks).</summary>
    Staff,

    /// <summary>Admins: setting up weeks, the liaison list and settings. <c>Office:Admins</c> are admins with no week at all.</summary>
    Admin,
}
