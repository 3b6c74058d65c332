using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="ConversationStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbConversationStoreContract : ConversationStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;
    private LiteDbConversationStore? _store;

    protected override IConversationStore NewStore() =>
        _store = new LiteDbConversationStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }), NullLogger<LiteDbConversationStore>.Instance);

    public void Dispose()
    {
        _store?.Dispose();
        _db?.Dispose();
        _dir.Dispose();
    }
}
