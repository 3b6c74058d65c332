using LiteDB;

namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>The LiteDB file is open and answers a read.</summary>
public sealed class LiteDbHealth(BotDatabase db) : IDatabaseHealth
{
    public DatabaseAnswer Ask()
    {
        try
        {
            // Reads the collection catalogue through the engine: a disposed or broken database throws here.
            var collections = db.Database.GetCollectionNames().Count();
            return new DatabaseAnswer(true, $"Open, {collections} collections.");
        }
        catch (Exception ex) when (ex is LiteException or ObjectDisposedException or IOException)
        {
            // The exception's text can hold the file's path: the answer only says what is wrong.
            return new DatabaseAnswer(false, "The database cannot be read.");
        }
    }
}
