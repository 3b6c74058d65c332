namespace VocEdWeek.Bot.Features.DigestChannel;

/// <summary>
/// Small settings the office changes from Teams (e.g. the digest channel), with who set them and when. Each change keeps
/// the value it replaced, so a wrong change can be moved back.
/// </summary>
public interface ISettingsStore
{
    /// <summary>The value; null when never set or cleared (an empty value means "not set from Teams").</summary>
    string? Get(string key);

    Setting? Find(string key);

    /// <summary>
    /// Sets the value (empty clears it); the replaced one, even "not set", becomes <see cref="Setting.Previous"/> — the
    /// one this very change replaced, also when another instance sets the same key at the same time.
    /// </summary>
    Setting Set(string key, string value, string? changedBy, DateTimeOffset at, string? changedByName = null);
}
