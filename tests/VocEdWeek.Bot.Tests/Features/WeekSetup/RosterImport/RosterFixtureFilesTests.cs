using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>
/// The committed roster files are the recipes' output. Set ROSTER_FIXTURES_WRITE=1 to write them again after
/// changing a recipe; otherwise these tests fail when a recipe and its file drift apart.
/// </summary>
public sealed class RosterFixtureFilesTests
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "VocEdWeek.Bot.Tests", "TestData", "rosters");

    public static string E2eFile => Path.Combine(RepoPaths.Root, "tests", "e2e", "fixtures", RosterE2eFixture.Recipe.FileName);

    private static bool Writing => Environment.GetEnvironmentVariable("ROSTER_FIXTURES_WRITE") == "1";

    public static TheoryData<string> XlsxNames() => [.. RosterXlsxFixtures.All.Select(r => r.FileName), RosterE2eFixture.Recipe.FileName];

    public static TheoryData<string> CsvNames() => [.. RosterCsvFixtures.All.Select(f => f.FileName)];

    [Theory]
    [MemberData(nameof(XlsxNames))]
    public void Xlsx_fixture_holds_its_recipe_cells(string fileName)
    {
        var recipe = RosterXlsxFixtures.All.Append(RosterE2eFixture.Recipe).Single(r => r.FileName == fileName);
        var path = fileName == RosterE2eFixture.Recipe.FileName ? E2eFile : Path.Combine(Folder, fileName);
        if (Writing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, recipe.Build());
        }
        using var document = SpreadsheetDocument.Open(path, false);
        var book = document.WorkbookPart!;
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var stored = new Dictionary<(string, string), string>();
        foreach (var sheet in book.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)book.GetPartById(sheet.Id!);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var text = cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue!.Text;
                stored[(sheet.Name!, cell.CellReference!)] = text;
            }
        }
        var expected = recipe.Cells().ToDictionary(c => (c.Sheet, c.Reference), c => c.Stored);
        Assert.Equal(expected.OrderBy(e => e.Key), stored.OrderBy(e => e.Key));
    }

    [Theory]
    [MemberData(nameof(CsvNames))]
    public void Csv_fixture_is_its_recipe_bytes(string fileName)
    {
        var bytes = RosterCsvFixtures.All.Single(f => f.FileName == fileName).Bytes;
        var path = Path.Combine(Folder, fileName);
        if (Writing) File.WriteAllBytes(path, bytes);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }
}
