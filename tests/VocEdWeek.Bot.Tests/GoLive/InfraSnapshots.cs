namespace VocEdWeek.Bot.Tests.GoLive;

/// <summary>The template evaluated once per case and shared by the tests that read it.</summary>
internal static class InfraSnapshots
{
    public const string AppId = "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c";
    public const string Secret = "not-a-real-secret-but-a-marker";

    private static readonly Lazy<InfraSnapshot> PublicMsi = new(() => InfraSnapshot.Of("main.public.bicepparam"));
    private static readonly Lazy<InfraSnapshot> ChinaMsi = new(() => InfraSnapshot.Of("main.china.bicepparam"));

    // Not committed: a secret has no place in a parameters file. The README passes it on the command line.
    private static readonly Lazy<InfraSnapshot> ChinaSecret = new(() => InfraSnapshot.Of("single-tenant.bicepparam", $"""
        using 'main.bicep'

        param cloud = 'China'
        param appType = 'SingleTenant'
        param appId = '{AppId}'
        param appPassword = '{Secret}'
        """));

    public static InfraSnapshot For(string name) => name switch
    {
        "public" => PublicMsi.Value,
        "china" => ChinaMsi.Value,
        "china-secret" => ChinaSecret.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static IEnumerable<InfraSnapshot> All => [PublicMsi.Value, ChinaMsi.Value, ChinaSecret.Value];
}
