namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>A department while its rows are being read; people come in row order.</summary>
internal sealed class DepartmentDraft(string name, int firstRow)
{
    public string Name { get; } = name;
    public int FirstRow { get; } = firstRow;
    public List<ImportedPerson> People { get; } = [];

    public ImportedDepartment Build() => new(Name, People.ToList(), FirstRow);
}
