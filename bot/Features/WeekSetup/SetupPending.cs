using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// A draft week or a roster import waiting for its admin's confirmation. Kept on the server — the card carries only the
/// id — so what is confirmed is exactly what was previewed, and a confirmation applies once.
/// </summary>
public sealed class SetupPending
{
    public string Id { get; set; } = "";
    /// <summary><see cref="WeekKind"/> or <see cref="RosterKind"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The roster's week (imports only).</summary>
    public string? WeekId { get; set; }
    /// <summary>The week's revision the preview was compared with: a roster changed meanwhile is previewed again.</summary>
    public int Revision { get; set; }
    /// <summary>JSON: the draft (weeks) or the departments to store (imports).</summary>
    public string Payload { get; set; } = "";
    public string Source { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? Outcome { get; set; }

    public const string WeekKind = "week";
    public const string RosterKind = "roster";
}

public sealed class SetupPendingStore(BotDatabase db, TimeProvider time)
{
    /// <summary>How long a preview can be confirmed; later the file or notice is sent again (the roster may have moved on).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly LiteDB.ILiteCollection<SetupPending> _items = db.Collection<SetupPending>("setuppending");

    public SetupPending Add(string kind, string payload, string source, string requestedBy, string? weekId = null, int revision = 0)
    {
        var pending = new SetupPending
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = kind,
            Payload = payload,
            Source = source,
            RequestedBy = requestedBy,
            WeekId = weekId,
            Revision = revision,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        _items.Insert(pending);
        return pending;
    }

    /// <summary>The pending item of that kind; null when unknown or expired (a done one is returned, to say so).</summary>
    public SetupPending? Find(string? id, string kind)
    {
        if (string.IsNullOrEmpty(id) || _items.FindById(id) is not { } pending || pending.Kind != kind) return null;
        return pending.DoneAt is null && time.GetUtcNow().UtcDateTime - pending.CreatedAt > Lifetime ? null : pending;
    }

    private readonly Lock _gate = new();

    /// <summary>
    /// Takes the pending item for one confirmation: true once, false if another press (a double click, a second admin)
    /// has it. A confirmation that does not go through gives it back with <see cref="Release"/>.
    /// </summary>
    public bool TryClaim(SetupPending pending)
    {
        lock (_gate)
        {
            if (_items.FindById(pending.Id) is not { DoneAt: null } current) return false;
            current.DoneAt = pending.DoneAt = time.GetUtcNow().UtcDateTime;
            _items.Update(current);
            return true;
        }
    }

    public void Release(SetupPending pending)
    {
        pending.DoneAt = null;
        _items.Update(pending);
    }

    public void Done(SetupPending pending, string outcome)
    {
        pending.DoneAt ??= time.GetUtcNow().UtcDateTime;
        pending.Outcome = outcome;
        _items.Update(pending);
    }
}
