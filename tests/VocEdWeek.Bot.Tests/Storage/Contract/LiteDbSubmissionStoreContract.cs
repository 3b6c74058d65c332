using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="SubmissionStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbSubmissionStoreContract : SubmissionStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override ISubmissionStore NewStore() => new LiteDbSubmissionStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
