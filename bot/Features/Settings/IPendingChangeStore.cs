namespace VocEdWeek.Bot.Features.Settings;

/// <summary>Settings changes waiting for their confirm card; each is claimed once, so two presses (or two instances) cannot both apply it.</summary>
public interface IPendingChangeStore
{
    /// <summary>Stores the change under a fresh id (set on it) and returns it.</summary>
    PendingChange Add(PendingChange change);

    PendingChange? Find(string? id);

    /// <summary>Marks the change done at <paramref name="now"/> and returns true, unless it was done already (then false: the caller must not apply it).</summary>
    bool TryClaim(PendingChange change, DateTime now);

    /// <summary>Records what the claimed change came to.</summary>
    void Finish(PendingChange change, string outcome);
}
