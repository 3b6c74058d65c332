using System.Buffers.Binary;

namespace VocEdWeek.Bot.Storage;

/// <summary>
/// How <see cref="LogFile"/> lays LiteDB's log out in its file. An fsync that grows a file makes ext4 commit its journal;
/// one that rewrites blocks in place does not (8 KB written and flushed: 240–325 µs appended, 111–116 µs in place, on
/// the bench machine), and a LiteDB log is appended to from nothing after every checkpoint. So the file is written ahead
/// with zeros and never cut short; the log lives behind a header page of ours:
/// <list type="bullet">
/// <item>bytes 0–7 <see cref="Magic"/>, 8–15 the epoch: how many times the log has been emptied, counting from 1;</item>
/// <item>from byte 8192 on, LiteDB's pages at their log positions, each marked with its epoch in the last byte of its
/// header (byte 31, which LiteDB 5 leaves zero; given back as zero when read), <see cref="MarkOf"/>: 1–255.</item>
/// </list>
/// Emptying the log (<see cref="Cut"/>) only writes the next epoch into the header and flushes it, before any page of the
/// new log is written; the pages of older logs stay behind it. On opening, the log is the run of pages from its start
/// that carry the header's epoch's mark: an older page (or a zero one) ends it. Pages written past one that never
/// reached the disk end there too — no commit among them was answered as durable (LogSyncs waits for the log without
/// gaps). When the mark comes round again (every 255 cuts), the file is cut back to its header first, so a page
/// of a log 255 cuts old can never pass for a current one.
/// <para>A log file that does not start with <see cref="Magic"/> is LiteDB's own (written by a bot from before, or by
/// LiteDB alone): it is read and appended to as it is until its first cut, which empties the file and starts the layout.
/// A cleanly closed log (LiteDB checkpoints and empties it) is cut to nothing, a file LiteDB alone can open; after a crash
/// the file must be opened through <see cref="DurableEngine"/>, as everything in the bot does.</para>
/// </summary>
internal sealed class LogLayout
{
    public const int PageSize = 8192;
    internal const int MarkAt = 31; // the last byte of LiteDB 5's page header (P_HIGHEST_INDEX is 30)
    // "VEWLOG", 0xFF, 1: byte 4 ('O') stands where a LiteDB page has its type, never above 5.
    internal static ReadOnlySpan<byte> Magic => [0x56, 0x45, 0x57, 0x4C, 0x4F, 0x47, 0xFF, 0x01];
    private const long GrowBy = 2 * 1024 * 1024;
    private static readonly byte[] Zeros = new byte[256 * 1024];

    private readonly FileStream _file;
    private long _epoch;     // 0: LiteDB's own log, used as it is until its first cut
    private long _allocated; // the file's length: beyond the log's pages, zeros or older logs' pages
    private long _end;       // LiteDB's log: the end of the furthest page written

    private LogLayout(FileStream file) => _file = file;

    /// <summary>Where LiteDB's log ends: its length as LiteDB sees it.</summary>
    public long End => _end;

    private long Start => _epoch == 0 ? 0 : PageSize;

    public static byte MarkOf(long epoch) => (byte)((epoch - 1) % 255 + 1);

    public static LogLayout Open(FileStream file)
    {
        var layout = new LogLayout(file) { _allocated = file.Length };
        if (layout._allocated == 0)
        {
            layout.Begin(1);
            return layout;
        }
        Span<byte> header = stackalloc byte[16];
        if (layout._allocated < PageSize || RandomAccess.Read(file.SafeFileHandle, header, 0) < header.Length || !header[..8].SequenceEqual(Magic))
        {
            layout._end = layout._allocated; // LiteDB's own
            return layout;
        }
        layout._epoch = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        if (layout._epoch < 1) throw new IOException($"The log file {file.Name} names no epoch ({layout._epoch}); it was not written by this bot.");
        layout._end = layout.RunOfMarks();
        return layout;
    }

    // The pages from the log's start that carry the epoch's mark.
    private long RunOfMarks()
    {
        var mark = MarkOf(_epoch);
        Span<byte> one = stackalloc byte[1];
        var end = 0L;
        while (Start + end + PageSize <= _allocated && RandomAccess.Read(_file.SafeFileHandle, one, Start + end + MarkAt) == 1 && one[0] == mark)
            end += PageSize;
        return end;
    }

    /// <summary>Marks the pages of <paramref name="pages"/> (LiteDB's, from <paramref name="position"/> on) with the epoch.</summary>
    public void Mark(Span<byte> pages, long position)
    {
        if (_epoch == 0) return;
        if (position % PageSize != 0 || pages.Length % PageSize != 0)
            throw new IOException($"LiteDB wrote {pages.Length} bytes at {position} of its log: not whole pages, which this log file needs.");
        var mark = MarkOf(_epoch);
        for (var at = MarkAt; at < pages.Length; at += PageSize)
        {
            // A LiteDB that used this byte would lose it here: refuse rather than change its page.
            if (pages[at] != 0) throw new IOException($"LiteDB wrote byte {MarkAt} of a log page header, which this log file needs; this LiteDB version is not supported.");
            pages[at] = mark;
        }
    }

    public void Write(ReadOnlySpan<byte> pages, long position)
    {
        var at = Start + position;
        if (_epoch != 0 && at + pages.Length > _allocated) Grow(at + pages.Length);
        RandomAccess.Write(_file.SafeFileHandle, pages, at);
        _end = Math.Max(_end, position + pages.Length);
        if (_epoch == 0) _allocated = Math.Max(_allocated, at + pages.Length);
    }

    /// <summary>Reads LiteDB's log (never past its end), its pages' marks given back as the zero LiteDB wrote.</summary>
    public int Read(Span<byte> buffer, long position)
    {
        var count = (int)Math.Clamp(_end - position, 0, buffer.Length);
        var read = 0;
        while (read < count)
        {
            var n = RandomAccess.Read(_file.SafeFileHandle, buffer[read..count], Start + position + read);
            if (n == 0) break;
            read += n;
        }
        if (_epoch != 0)
        {
            // The first mark at or after position: pages start at multiples of PageSize.
            for (var at = (PageSize - position % PageSize + MarkAt) % PageSize; at < read; at += PageSize) buffer[(int)at] = 0;
        }
        return read;
    }

    /// <summary>
    /// LiteDB empties its log (<paramref name="length"/> 0) after a checkpoint put it into the flushed data file: the next
    /// epoch, on the disk before LiteDB writes a page of it.
    /// </summary>
    public void Cut(long length)
    {
        if (_epoch == 0)
        {
            _file.SetLength(length);
            _allocated = _end = length;
            if (length == 0) Begin(1);
            return;
        }
        if (length != 0)
        {
            // Not done by LiteDB 5 to its log; a shorter log of the same epoch must not leave its pages behind.
            _file.SetLength(Start + length);
            _allocated = Start + length;
            _end = length;
            return;
        }
        var next = _epoch + 1;
        if (MarkOf(next) == 1)
        {
            _file.SetLength(PageSize);
            _allocated = PageSize;
        }
        WriteEpoch(next);
        _end = 0;
    }

    /// <summary>The engine closed: an empty log (LiteDB checkpoints as it closes) leaves an empty file, as LiteDB's own would.</summary>
    public void Close()
    {
        if (_epoch != 0 && _end == 0) _file.SetLength(0);
    }

    private void Begin(long epoch)
    {
        _file.SetLength(0);
        _allocated = PageSize;
        WriteEpoch(epoch);
        _end = 0;
    }

    private void WriteEpoch(long epoch)
    {
        Span<byte> header = stackalloc byte[16];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], epoch);
        RandomAccess.Write(_file.SafeFileHandle, header, 0);
        if (_file.Length < PageSize) _file.SetLength(PageSize);
        _file.Flush(flushToDisk: true);
        _epoch = epoch;
    }

    // Zeros written ahead (not a sparse length): a later flush of the pages then changes no block map or file size. On a
    // disk too full for that much, only what the pages need, as LiteDB's own append would take.
    private void Grow(long atLeast)
    {
        try
        {
            Zero(Math.Max(atLeast, _allocated + GrowBy));
        }
        catch (IOException)
        {
            _allocated = Math.Max(_allocated, _file.Length);
            Zero(atLeast);
        }
    }

    private void Zero(long to)
    {
        to = (to + PageSize - 1) / PageSize * PageSize;
        for (var at = _allocated; at < to; at += Zeros.Length)
            RandomAccess.Write(_file.SafeFileHandle, Zeros.AsSpan(0, (int)Math.Min(Zeros.Length, to - at)), at);
        _allocated = Math.Max(_allocated, to);
    }
}
