using VocEdWeek.Bot.Operations.Check.Checks;

namespace VocEdWeek.Bot.Operations.Check;

/// <summary>The checks, in the order they are printed: settings first, then the outside world, then local files.</summary>
public static class CheckList
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new StartupSettingsCheck(),
        new OpenIdMetadataCheck(),
        new ConnectorTokenCheck(),
        new ClockCheck(),
        new PublicAddressCheck(),
        new StorageCheck(),
        new WeekFileCheck(),
        new SharePointCheck(),
        new ManifestCheck(),
    ];
}
