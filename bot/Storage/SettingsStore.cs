namespace VocEdWeek.Bot.Storage;

/// <summary>
/// Small settings the office changes from Teams (e.g. the digest channel), kept in LiteDB with who set them and when.
/// Each change keeps the value it replaced, so a wrong change can be moved back.
/// </summary>
public sealed class SettingsStore(BotDatabase db)
{
    private readonly LiteDB.ILiteCollection<Setting> _items = db.Collection<Setting>("settings");

    /// <summary>The value; null when never set or cleared (an empty value means "not set from Teams").</summary>
    public string? Get(string key) => _items.FindById(key)?.Value is { Length: > 0 } value ? value : null;

    public Setting? Find(string key) => _items.FindById(key);

    /// <summary>Sets the value (empty clears it); the replaced one, even "not set", becomes <see cref="Setting.Previous"/>.</summary>
    public Setting Set(string key, string value, string? changedBy, DateTimeOffset at, string? changedByName = null)
    {
        var old = _items.FindById(key);
        var setting = new Setting
        {
            Id = key,
            Value = value,
            ChangedBy = changedBy,
            ChangedByName = changedByName,
            ChangedAt = at.UtcDateTime,
            Previous = new PreviousValue
            {
                Value = old?.Value ?? "",
                ChangedBy = old?.ChangedBy,
                ChangedByName = old?.ChangedByName,
                ChangedAt = old?.ChangedAt,
            },
        };
        _items.Upsert(setting);
        return setting;
    }

    public sealed class Setting
    {
        public string Id { get; set; } = "";
        /// <summary>Null or empty: cleared (LiteDB stores an empty string as null).</summary>
        public string? Value { get; set; }
        public string? ChangedBy { get; set; }
        public string? ChangedByName { get; set; }
        public DateTime ChangedAt { get; set; }
        /// <summary>What this change replaced; null for settings stored before changes were kept.</summary>
        public PreviousValue? Previous { get; set; }
    }

    public sealed class PreviousValue
    {
        /// <summary>Null or empty: nothing was set.</summary>
        public string? Value { get; set; }
        public string? ChangedBy { get; set; }
        public string? ChangedByName { get; set; }
        public DateTime? ChangedAt { get; set; }
    }
}
