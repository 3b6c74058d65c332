namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// Tests that measure or change the whole process (allocations; environment variables such as the managed identity
/// endpoint): xUnit runs this collection by itself, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone in the process";
}
