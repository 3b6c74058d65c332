using System.Collections.Concurrent;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>
/// Tenants with a live conversation committed to the file. A 1:1 chat's reference may be written behind its turn only
/// in such a tenant: should a crash lose it, a reminder opens the chat again (RecipientResolver: the person's Teams or
/// Entra id, the tenant's serviceUrl from that other conversation). Only "yes" is remembered (the question scans the
/// collection, so it is asked while a tenant has none yet); any removal forgets them all, to be asked again.
/// </summary>
public sealed class StoredTenants(Func<string, bool> hasLiveConversation)
{
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    public bool Has(string? tenantId)
    {
        if (tenantId is null) return false;
        if (_known.ContainsKey(tenantId)) return true;
        if (!hasLiveConversation(tenantId)) return false;
        _known.TryAdd(tenantId, 0);
        return true;
    }

    /// <summary>A conversation was marked removed or gone: it may have been a tenant's last live one.</summary>
    public void Forget() => _known.Clear();
}
