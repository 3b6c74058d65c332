namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// Ids for new departments: short ("d07"), in list order, and never one a current department has or had in this
/// week, so stored submissions can never be attributed to a different department.
/// </summary>
public sealed class DepartmentIds(IEnumerable<string> taken)
{
    private readonly HashSet<string> _taken = new(taken, StringComparer.OrdinalIgnoreCase);
    private int _next = 1;

    public string Next()
    {
        string id;
        do id = $"d{_next++:00}";
        while (!_taken.Add(id));
        return id;
    }
}
