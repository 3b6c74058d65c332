namespace VocEdWeek.Bot.Bench;

/// <summary>
/// The request bodies a <see cref="LoadRunner"/> sends: one activity per call, carrying the caller's unique id (the bot
/// de-duplicates ids). <see cref="TeamsMessages"/> here; the storage benchmark's report submits and office questions too.
/// </summary>
public interface IActivityBodies
{
    /// <summary>The body of one request; <paramref name="id"/> must be unique for the bot's lifetime.</summary>
    byte[] Body(string id, long sequence);
}
