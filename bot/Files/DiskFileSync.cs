using System.Runtime.InteropServices;

namespace VocEdWeek.Bot.Files;

/// <summary>fsync of a file and of its directory (what .NET offers for files, and libc for directories).</summary>
public sealed partial class DiskFileSync : IFileSync
{
    public static readonly DiskFileSync Instance = new();

    public void Contents(FileStream file) => file.Flush(flushToDisk: true);

    public void Directory(string directory)
    {
        // .NET cannot open a directory as a file; Windows journals a rename with the file system's metadata, so only
        // Unix needs the directory itself synced.
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(directory, ReadOnly);
        if (fd < 0) throw new IOException($"Cannot open the folder to sync it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"Cannot sync the folder (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private const int ReadOnly = 0;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
