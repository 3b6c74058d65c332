using LiteDB;
using LiteDB.Engine;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// A real LiteDB engine whose next query throws an IOException when told to, as a failing disk makes LiteDB do: the
/// bot's ReopeningEngine then drops it and opens the file anew on the next call.
/// </summary>
internal sealed class DroppingEngine(ILiteEngine inner) : PassThroughEngine(inner)
{
    public static bool FailNextQuery { get; set; }

    public override IBsonDataReader Query(string collection, Query query)
    {
        if (!FailNextQuery) return base.Query(collection, query);
        FailNextQuery = false;
        throw new IOException("disk error (test)");
    }
}
