using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>
/// Once the server listens, writes <see cref="ControlFile"/> (a loopback address of this bot and a fresh key); removes
/// it at shutdown. Without a real server (in-memory test host) there is no address and no file: backups are then offline.
/// </summary>
public sealed partial class ControlPublisher(
    IServer server, IHostApplicationLifetime lifetime, BotDatabase db, StorageOptions storage, ILogger<ControlPublisher> log) : IHostedService
{
    private int _published;

    public string Key { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Another bot on the same folder: it owns backups (and two bots on one LiteDB file is a mistake to fix).
        if (!db.OwnsStorage) LogFolderInUse(log, storage.Directory);
        else lifetime.ApplicationStarted.Register(Publish);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // No new backup requests from here on; the storage lock goes with the database, when it is closed.
        if (Interlocked.Exchange(ref _published, 0) == 1) ControlFile.Delete(storage);
        return Task.CompletedTask;
    }

    private void Publish()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (LoopbackUrl(addresses) is not { } url) return;
        try
        {
            new ControlFile(url, Key).Write(storage);
            Volatile.Write(ref _published, 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(log, ex.Message);
        }
    }

    /// <summary>The first listening address as a loopback URL (http preferred): "http://+:80" → "http://127.0.0.1:80".</summary>
    public static string? LoopbackUrl(IEnumerable<string> addresses)
    {
        var parsed = addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"), UriKind.Absolute, out var u) ? u : null)
            .OfType<Uri>().OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1).FirstOrDefault();
        if (parsed is null) return null;
        var host = parsed.Host.Trim('[', ']');
        var loopback = host is "localhost" or "0.0.0.0" or "::" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip))
            ? (host is "::1" ? "[::1]" : "127.0.0.1")
            : parsed.Host;
        return $"{parsed.Scheme}://{loopback}:{parsed.Port}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage:Directory {Directory} is used by another running bot; this one offers no backups")]
    private static partial void LogFolderInUse(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "operations.json not written; online backups are unavailable: {Reason}")]
    private static partial void LogNotWritten(ILogger logger, string reason);
}
