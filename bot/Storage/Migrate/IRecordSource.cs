namespace VocEdWeek.Bot.Storage.Migrate;

/// <summary>The records of the database being moved from, collection by collection, as the bot's own record types.</summary>
public interface IRecordSource
{
    /// <summary>Every collection the database holds (also ones this version of the bot does not know).</summary>
    IReadOnlyList<string> Collections { get; }

    /// <summary>
    /// Every record of <paramref name="collection"/>, in the order they were stored, read as they are enumerated (a large
    /// collection is never held whole by the source); each enumeration reads again.
    /// </summary>
    IEnumerable<T> Read<T>(string collection);

    /// <summary>How many records <paramref name="collection"/> holds (0 when there is no such collection).</summary>
    int Count(string collection);
}
