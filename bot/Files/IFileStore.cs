namespace VocEdWeek.Bot.Files;

/// <summary>Where received files end up: a local folder by default, SharePoint when configured.</summary>
public interface IFileStore
{
    /// <summary>Stores the stream under the folder; never overwrites (renames on conflict).</summary>
    Task<StoredFile> SaveAsync(IReadOnlyList<string> folder, string fileName, Stream content, CancellationToken ct);

    Stream OpenRead(string location);

    void Delete(string location);
}

/// <summary>Where a file was stored: a store-relative location, its final name, size and SHA-256.</summary>
public sealed record StoredFile(string Location, string FileName, long Size, string Sha256, string? WebUrl);
