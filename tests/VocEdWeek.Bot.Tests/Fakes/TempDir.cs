namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>A fresh folder per test (its own LiteDB file and file store), removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vocedweek-test-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
