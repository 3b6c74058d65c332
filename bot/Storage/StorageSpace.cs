namespace VocEdWeek.Bot.Storage;

/// <summary>
/// Free space on the storage folder's disk against <see cref="StorageOptions.ReserveBytes"/>. Asked before every database
/// write and while a file is written, so a disk filling up (by our files or by anything else) ends in a clear refusal
/// before LiteDB meets an actual "no space left".
/// </summary>
public sealed class StorageSpace(StorageOptions options)
{
    public long Available() => new DriveInfo(options.FullDirectory).AvailableFreeSpace;

    /// <summary>Throws the disk-full IOException (<see cref="StorageFull"/>) when writing <paramref name="bytes"/> more would eat into the reserve.</summary>
    public void EnsureRoom(long bytes)
    {
        if (Available() - bytes < options.ReserveBytes) throw StorageFull.Exception(options.FullDirectory);
    }

    public void EnsureRoom() => EnsureRoom(0);
}
