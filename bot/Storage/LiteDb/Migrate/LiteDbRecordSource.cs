using LiteDB;
using VocEdWeek.Bot.Storage.Migrate;

namespace VocEdWeek.Bot.Storage.LiteDb.Migrate;

/// <summary>
/// The LiteDB file read for <c>migrate-storage</c>, never touched: the file (and its write-ahead log) is copied into a
/// folder of its own and the copy is opened, so LiteDB's checkpoint on open writes only the copy. Records are mapped as
/// the LiteDB stores map them; a key written as an ObjectId (older settings log entries) is read as its 24 hex digits.
/// </summary>
public sealed class LiteDbRecordSource : IRecordSource, IDisposable
{
    private readonly LiteDatabase _db;
    private readonly string _folder;

    private LiteDbRecordSource(string databasePath)
    {
        _folder = Path.Combine(Path.GetTempPath(), "vocedweek-migrate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        try
        {
            var copy = Path.Combine(_folder, Path.GetFileName(databasePath));
            File.Copy(databasePath, copy);
            var log = Path.Combine(Path.GetDirectoryName(databasePath)!, Path.GetFileNameWithoutExtension(databasePath) + "-log.db");
            if (File.Exists(log)) File.Copy(log, Path.Combine(_folder, Path.GetFileName(log)));
            _db = new LiteDatabase(DurableEngine.Open(copy)) { UtcDate = true };
            Collections = _db.GetCollectionNames().Order(StringComparer.Ordinal).ToList();
        }
        catch
        {
            // The copy is ours alone: it goes whether or not it could be opened.
            _db?.Dispose();
            DeleteCopy();
            throw;
        }
    }

    /// <summary>A copy of the file at <paramref name="databasePath"/>; a file that is missing or is no LiteDB database is a <see cref="MigrationException"/>.</summary>
    public static LiteDbRecordSource Open(string databasePath)
    {
        if (!File.Exists(databasePath)) throw new MigrationException($"There is no LiteDB database at {databasePath} (Storage:Directory).");
        try
        {
            return new LiteDbRecordSource(databasePath);
        }
        catch (LiteException ex)
        {
            throw new MigrationException($"The LiteDB database at {databasePath} cannot be read: {ex.Message}");
        }
    }

    public IReadOnlyList<string> Collections { get; }

    public IEnumerable<T> Read<T>(string collection) => _db.GetCollection(collection).FindAll().Select(document =>
    {
        if (document["_id"].IsObjectId) document["_id"] = document["_id"].AsObjectId.ToString();
        return _db.Mapper.ToObject<T>(document);
    });

    public int Count(string collection) => _db.CollectionExists(collection) ? _db.GetCollection(collection).Count() : 0;

    public void Dispose()
    {
        _db.Dispose();
        DeleteCopy();
    }

    private void DeleteCopy()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
