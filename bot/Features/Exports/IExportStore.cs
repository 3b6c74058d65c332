namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// Export records: the download link and the consent flow find a file by its id. A store that cannot read or write throws
/// <see cref="Storage.StorageException"/> (or the disk's IOException), whichever database keeps it.
/// </summary>
public interface IExportStore
{
    /// <summary>Stores the record under a fresh id (set on it).</summary>
    void Add(ExportRecord record);

    ExportRecord? Find(string? id);

    void Update(ExportRecord record);

    /// <summary>Local exports still on disk that were made before <paramref name="before"/> (UTC).</summary>
    IReadOnlyList<ExportRecord> LocalMadeBefore(DateTime before);

    /// <summary>The week's exports, oldest first.</summary>
    IReadOnlyList<ExportRecord> ForWeek(string weekId);
}
