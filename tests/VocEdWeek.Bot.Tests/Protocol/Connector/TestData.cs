namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>Recorded and documented Teams payloads copied under <c>TestData/teams</c>.</summary>
internal static class TestData
{
    public static string Teams(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "teams", name));
}
