using System.Reflection;
using System.Security.Cryptography;

namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

/// <summary>
/// The pinned TeamsJS build (TeamsJs/MicrosoftTeams.min.js, see its NOTICE.md), embedded in the bot and served by it.
/// Its URL carries a hash of the bytes, so browsers may keep it for a year and still fetch a new copy after an upgrade.
/// </summary>
public static class TeamsJsFile
{
    public const string Path = "/tab/teams-js/MicrosoftTeams.min.js";

    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("VocEdWeek.Bot.Features.Dashboard.SignIn.MicrosoftTeams.min.js")
            ?? throw new InvalidOperationException("The embedded TeamsJS file is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly Lazy<string> Hash = new(() => Convert.ToHexStringLower(SHA256.HashData(Content.Value))[..16]);

    public static byte[] Bytes => Content.Value;

    public static string Url(string pathBase) => $"{pathBase}{Path}?v={Hash.Value}";
}
