using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// A department named in typed text: by id ("jd"), full name ("机电工程学院") or part of the name ("机电", "机电学院" is not
/// needed). <see cref="Candidates"/> has one department when it is clear, several when ambiguous, none when not found;
/// <see cref="Remainder"/> is the text after the department (a reason written without "原因").
/// </summary>
public sealed record DepartmentMatch(IReadOnlyList<Department> Candidates, string Named, string Remainder)
{
    public static DepartmentMatch Find(string text, IReadOnlyList<Department> departments)
    {
        text = text.Trim();
        // A full name anywhere in the text; the longest wins ("信息工程学院" over "工程学院").
        var byName = departments.Where(d => text.Contains(d.Name, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(d => d.Name.Length).ToList();
        if (byName.Count > 0)
        {
            var d = byName[0];
            var at = text.IndexOf(d.Name, StringComparison.OrdinalIgnoreCase);
            return new DepartmentMatch([d], d.Name, ExemptionRequest.Clean(text.Remove(at, d.Name.Length)));
        }
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return new DepartmentMatch([], "", "");
        var first = tokens[0];
        var after = string.Join(' ', tokens.Skip(1));
        var byId = departments.Where(d => string.Equals(d.Id, first, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byId.Count == 1) return new DepartmentMatch(byId, first, after);
        // Part of a name: the longest start of the first word that some name contains ("机电参赛" → "机电").
        for (var length = first.Length; length >= Math.Min(2, first.Length); length--)
        {
            var part = first[..length];
            var found = departments.Where(d => d.Name.Contains(part, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count > 0) return new DepartmentMatch(found, part, ExemptionRequest.Clean(first[length..] + " " + after));
        }
        return new DepartmentMatch([], first, after);
    }
}
