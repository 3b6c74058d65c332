using System.Collections.Concurrent;
using LiteDB;
using LiteDB.Engine;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>A real LiteDB engine that counts the queries run on each collection: what a store asked of the file.</summary>
internal sealed class CountingEngine(ILiteEngine inner) : PassThroughEngine(inner)
{
    private readonly ConcurrentDictionary<string, int> _queries = new(StringComparer.OrdinalIgnoreCase);

    public int Queries(string collection) => _queries.GetValueOrDefault(collection);

    public override IBsonDataReader Query(string collection, Query query)
    {
        _queries.AddOrUpdate(collection, 1, (_, n) => n + 1);
        return base.Query(collection, query);
    }
}
