namespace VocEdWeek.Bot.Files;

/// <summary>
/// Puts a stored file on the disk before its record says Stored and the liaison is told 已收到: the file's bytes, then
/// the directory entry that names it. Without both a power cut can leave a Stored record pointing at nothing.
/// </summary>
public interface IFileSync
{
    /// <summary>The file's bytes are on the disk when this returns.</summary>
    void Contents(FileStream file);

    /// <summary>The names in <paramref name="directory"/> (a file just moved in) are on the disk when this returns.</summary>
    void Directory(string directory);
}
