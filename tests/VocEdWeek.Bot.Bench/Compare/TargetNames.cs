namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>The three targets, in the order each round runs them.</summary>
public static class TargetNames
{
    /// <summary>Microsoft's Bot Framework SDK for JavaScript, echo bot (botbuilder/index.js).</summary>
    public const string Botbuilder = "botbuilder";

    /// <summary>Our bot, published Release, answering "help".</summary>
    public const string Bot = "bot";

    /// <summary>A bare ASP.NET Core endpoint: the ceiling.</summary>
    public const string Bare = "bare";

    public static IReadOnlyList<string> All { get; } = [Botbuilder, Bot, Bare];
}
