using VocEdWeek.Bot.Tests.Features.Exports;

namespace VocEdWeek.Bot.Tests.Features.Recommend.Package;

/// <summary>What every package test starts from: the export world with the package's settings, seeded with the scenario's picks.</summary>
public abstract class PackageTest : IAsyncLifetime
{
    protected ExportsWorld World { get; } = new(more: PackageScenario.Settings);

    protected Fakes.TempDir Dir { get; } = new();

    protected PackageScenario S { get; private set; } = null!;

    public async Task InitializeAsync() => S = await PackageScenario.SeedAsync(new PackageData(World.Services));

    public Task DisposeAsync()
    {
        World.Dispose();
        Dir.Dispose();
        return Task.CompletedTask;
    }
}
