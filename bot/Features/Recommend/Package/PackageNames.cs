using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Features.Recommend.Package;

/// <summary>
/// The zip's file names: <c>{部门}_{日期}_{序号}_{原名}</c>, e.g. "机电工程学院_2024-05-14_003_开幕式.jpg". Made safe for zip
/// readers and Windows by the same cleaner as received files, and never twice the same (Windows ignores case).
/// </summary>
public sealed class PackageNames
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string Next(string department, DateOnly day, int number, string originalName)
    {
        var original = FileNameCleaner.Clean(originalName);
        var name = FileNameCleaner.Clean($"{FileNameCleaner.CleanSegment(department)}_{day:yyyy-MM-dd}_{number:D3}_{original}", $"{day:yyyy-MM-dd}_{number:D3}");
        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++) candidate = FileNameCleaner.Numbered(name, n);
        return candidate;
    }
}
