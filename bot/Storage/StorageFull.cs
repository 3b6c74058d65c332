namespace VocEdWeek.Bot.Storage;

/// <summary>
/// Recognises "the disk is full" wherever it surfaces (LiteDB rethrows the disk's IOException as it is; a file write
/// throws it directly), so the user is told the truth instead of a generic error.
/// </summary>
public static class StorageFull
{
    // errno ENOSPC and EDQUOT on Linux (.NET puts the raw errno in HResult); ERROR_HANDLE_DISK_FULL / ERROR_DISK_FULL on Windows.
    private static readonly int[] Codes = [28, 122, unchecked((int)0x80070027), unchecked((int)0x80070070)];

    public static bool Is(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is IOException && Codes.Contains(e.HResult)) return true;
        }
        return false;
    }

    /// <summary>The IOException a full disk throws on Linux, for tests and fakes of the disk.</summary>
    public static IOException Exception(string path) => new($"No space left on device : '{path}'", 28);
}
