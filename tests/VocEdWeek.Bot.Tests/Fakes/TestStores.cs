using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The stores as <see cref="StorageExtensions.AddStorage"/> composes them, without the rest of the app, for tests of code
/// that sits on stores (the week catalog, the access gate): on a LiteDB folder, or under VOCEDWEEK_TEST_STORAGE=PostgreSql
/// on a fresh database (<see cref="TestStorage"/>). Only what a test asks for is made.
/// </summary>
public sealed class TestStores : IDisposable
{
    private readonly ServiceProvider _services;

    public TestStores(string directory)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Directory"] = directory };
        foreach (var (k, v) in TestStorage.Settings()) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddStorage(configuration).BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
