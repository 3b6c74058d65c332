using System.Text.Json;

namespace VocEdWeek.Bot.Operations.Backup;

/// <summary><c>manifest.json</c> of a backup folder: the database snapshot and every other stored file, with hashes.</summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, bool Online, ManifestEntry Database, SnapshotInfo Contents, IReadOnlyList<ManifestEntry> Files)
{
    public const string FileName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        await using var stream = File.Create(Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, ct);
    }

    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new BackupException($"'{folder}' is not a backup: it has no {FileName}.");
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct) ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            throw new BackupException($"The {FileName} of '{folder}' cannot be read.");
        }
    }
}
