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

    protected override IConversationStore NewStore() => new LiteDbConversationStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
