using LiteDB;
using VocEdWeek.Bot.Features.DigestChannel;

namespace VocEdWeek.Bot.Storage.LiteDb.DigestChannel;

/// <summary>Settings changed from Teams, in the LiteDB file.</summary>
public sealed class LiteDbSettingsStore(BotDatabase db) : ISettingsStore
{
    private readonly ILiteCollection<Setting> _items = db.Collection<Setting>("settings");

    // Set reads the value it replaces and then writes: one lock keeps two changes at once from both replacing the same one.
    private readonly Lock _write = new();

    public string? Get(string key) => _items.FindById(key)?.Value is { Length: > 0 } value ? value : null;

    public Setting? Find(string key) => _items.FindById(key);

    public Setting Set(string key, string value, string? changedBy, DateTimeOffset at, string? changedByName = null)
    {
        lock (_write)
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
    }
}
