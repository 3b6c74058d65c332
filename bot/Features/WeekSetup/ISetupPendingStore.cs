namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>Drafts and roster imports waiting for their admin's confirmation; each is claimed by one press, across instances too.</summary>
public interface ISetupPendingStore
{
    SetupPending Add(string kind, string payload, string source, string requestedBy, string? weekId = null, int revision = 0);

    /// <summary>The pending item of that kind; null when unknown or expired (a done one is returned, to say so).</summary>
    SetupPending? Find(string? id, string kind);

    /// <summary>
    /// Takes the pending item for one confirmation: true once, false if another press (a double click, a second admin, on any
    /// instance) has it. A confirmation that does not go through gives it back with <see cref="Release"/>.
    /// </summary>
    bool TryClaim(SetupPending pending);

    void Release(SetupPending pending);

    /// <summary>Records what it came to (and that it is done, if the claim did not say so already).</summary>
    void Done(SetupPending pending, string outcome);
}
