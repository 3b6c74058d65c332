namespace VocEdWeek.Bot.Storage;

/// <summary>Small settings the office changes from Teams (e.g. the digest channel), kept in LiteDB.</summary>
public sealed class SettingsStore(BotDatabase db)
{
    private readonly LiteDB.ILiteCollection<Setting> _items = db.Collection<Setting>("settings");

    public string? Get(string key) => _items.FindById(key)?.Value;

    public void Set(string key, string value, string? changedBy, DateTimeOffset at) =>
        _items.Upsert(new Setting { Id = key, Value = value, ChangedBy = changedBy, ChangedAt = at.UtcDateTime });

    public sealed class Setting
    {
        public string Id { get; set; } = "";
        public string Value { get; set; } = "";
        public string? ChangedBy { get; set; }
        public DateTime ChangedAt { get; set; }
    }
}
