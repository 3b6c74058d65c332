namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>Tests that measure the whole process (allocations): xUnit runs this collection by itself, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone in the process";
}
