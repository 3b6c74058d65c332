using LiteDB;

namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>
/// A consistent copy of a LiteDB database that another part of the same process keeps writing to. Copying the file
/// would not do: committed pages may still sit in the write-ahead log (<c>-log.db</c>) or in LiteDB's write queue.
/// Instead, inside one transaction on this thread, every collection's write lock is taken first (a write snapshot
/// takes it and keeps it until the transaction ends), so from the last lock on nothing can change anywhere; then
/// every document and index is copied through LiteDB into a fresh file, and the transaction is rolled back (it
/// wrote nothing). Readers are not blocked; writers wait for the copy (LiteDB's lock timeout is a minute).
/// </summary>
public static class DatabaseSnapshot
{
    /// <summary>Writes the copy to <paramref name="targetPath"/> (must not exist). Call on a thread of its own: LiteDB transactions are per thread.</summary>
    public static SnapshotInfo Write(LiteDatabase source, string targetPath)
    {
        if (!source.BeginTrans()) throw new InvalidOperationException("This thread already has a LiteDB transaction; a snapshot needs its own.");
        SnapshotInfo info;
        try
        {
            info = Copy(source, targetPath);
        }
        catch
        {
            // The transaction wrote nothing; a failing rollback must not hide the error that got us here.
            try { source.Rollback(); } catch (LiteException) { }
            throw;
        }
        source.Rollback();
        return info;
    }

    private static SnapshotInfo Copy(LiteDatabase source, string targetPath)
    {
        var names = source.GetCollectionNames().Order(StringComparer.Ordinal).ToList();
        // Deleting an id that cannot exist changes nothing but opens a write snapshot: the collection's lock.
        foreach (var name in names) source.GetCollection(name).Delete(new BsonValue(Guid.NewGuid()));
        using var target = new LiteDatabase(new ConnectionString { Filename = targetPath, Connection = ConnectionType.Direct });
        long documents = 0;
        foreach (var name in names)
        {
            var to = target.GetCollection(name);
            foreach (var index in Indexes(source, name)) to.EnsureIndex(index.Name, BsonExpression.Create(index.Expression), index.Unique);
            documents += to.InsertBulk(source.GetCollection(name).FindAll(), 5000);
        }
        target.UserVersion = source.UserVersion;
        // Everything into the data file: the copy is one self-contained file.
        target.Checkpoint();
        // Counted as the copy has them (an empty collection without indexes is not created), as a restore finds them.
        return new SnapshotInfo(target.GetCollectionNames().Count(), documents);
    }

    private static List<(string Name, string Expression, bool Unique)> Indexes(LiteDatabase source, string collection)
    {
        var found = new List<(string, string, bool)>();
        using var reader = source.Execute("SELECT $ FROM $indexes WHERE collection = @0", new BsonValue(collection));
        while (reader.Read())
        {
            var index = reader.Current.AsDocument;
            if (index["name"].AsString == "_id") continue;
            found.Add((index["name"].AsString, index["expression"].AsString, index["unique"].AsBoolean));
        }
        return found;
    }
}
