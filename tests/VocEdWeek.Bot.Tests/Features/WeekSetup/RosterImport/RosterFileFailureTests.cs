using System.IO.Compression;
using System.Text;
using VocEdWeek.Bot.Features.WeekSetup.RosterImport;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>Files that are not a liaison list give a failure key with a text in both languages, never an exception.</summary>
public sealed class RosterFileFailureTests
{
    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(RosterFixtureFilesTests.Folder, name));

    [Theory]
    [InlineData("名单.xls")]
    [InlineData("名单.docx")]
    [InlineData("名单.pdf")]
    [InlineData("名单")]
    [InlineData("")]
    public void Other_file_types_are_refused_by_name(string fileName) =>
        Assert.Equal(RosterRead.WrongType, RosterFile.Read(Fixture("01-merged-title-header-row3.xlsx"), fileName).FailureKey);

    [Fact]
    public void Upper_case_extensions_are_read() =>
        Assert.NotNull(RosterFile.Read(Fixture("09-excel-gb18030.csv"), "名单.CSV").Sheet);

    [Fact]
    public void Corrupt_files_are_reported_as_corrupt()
    {
        var xlsx = Fixture("01-merged-title-header-row3.xlsx");
        Assert.Equal(RosterRead.Corrupt, RosterFile.Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "old.xlsx").FailureKey);
        Assert.Equal(RosterRead.Corrupt, RosterFile.Read(xlsx[..(xlsx.Length / 2)], "cut.xlsx").FailureKey);
        Assert.Equal(RosterRead.Corrupt, RosterFile.Read(Csv("部门,联络员,邮箱\n机电,张伟,a@b.cn"), "text.xlsx").FailureKey);
        Assert.Equal(RosterRead.Corrupt, RosterFile.Read([], "empty.xlsx").FailureKey);
        Assert.Equal(RosterRead.Corrupt, RosterFile.Read(ZipWithout(), "zip.xlsx").FailureKey);
        // A workbook renamed .csv is binary: its zip bytes hold NUL characters no text file has.
        Assert.Equal(RosterRead.Corrupt, RosterFile.Read(xlsx, "renamed.csv").FailureKey);
    }

    [Fact]
    public void A_list_without_a_recognizable_header_is_reported()
    {
        Assert.Equal(RosterRead.NoHeader, RosterFile.Read(Csv("日期,活动名称,地点\n5月12日,开放日,实训楼\n"), "a.csv").FailureKey);
        var late = string.Concat(Enumerable.Repeat("说明\n", 10)) + "部门,联络员,邮箱\n机电工程学院,张伟,zhangwei@college.example.edu.cn\n";
        Assert.Equal(RosterRead.NoHeader, RosterFile.Read(Csv(late), "late.csv").FailureKey);
        Assert.Equal(RosterRead.NoHeader, RosterFile.Read(Csv("部门联络员名单\n"), "title.csv").FailureKey);
    }

    [Fact]
    public void A_header_with_nothing_under_it_or_an_empty_file_has_no_rows()
    {
        Assert.Equal(RosterRead.NoRows, RosterFile.Read(Csv("部门,联络员,邮箱\n\n,,\n"), "a.csv").FailureKey);
        Assert.Equal(RosterRead.NoRows, RosterFile.Read([], "empty.csv").FailureKey);
        Assert.Equal(RosterRead.NoRows, RosterFile.Read([0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n'], "bom.csv").FailureKey);
    }

    [Fact]
    public void A_header_without_an_email_column_is_reported() =>
        Assert.Equal(RosterRead.NoEmailColumn, RosterFile.Read(Csv("部门,联络员,手机\n机电工程学院,张伟,13800000001\n"), "a.csv").FailureKey);

    [Fact]
    public void A_file_far_longer_than_any_liaison_list_is_refused()
    {
        var rows = Enumerable.Range(1, 2100).Select(i => $"部门{i},张{i},z{i}@college.example.edu.cn");
        Assert.Equal(RosterRead.TooLarge, RosterFile.Read(Csv("部门,联络员,邮箱\n" + string.Join("\n", rows)), "big.csv").FailureKey);
    }

    /// <summary>A small file whose sheet expands to tens of megabytes is refused before it is built in memory.</summary>
    [Fact]
    public void A_workbook_that_expands_past_any_list_is_refused()
    {
        var bomb = new XlsxRecipe("bomb.xlsx", false, [new("Sheet1", [(1, ["部门", "联络员", "邮箱"]), (2, [new string('机', 21_000_000)])], [])]).Build();
        Assert.True(bomb.Length < 1_000_000);
        Assert.Equal(RosterRead.Corrupt, RosterFile.Read(bomb, "bomb.xlsx").FailureKey);
    }

    [Fact]
    public void Every_failure_key_has_a_text_in_both_languages()
    {
        string[] keys = [RosterRead.WrongType, RosterRead.Corrupt, RosterRead.NoHeader, RosterRead.NoEmailColumn, RosterRead.NoRows, RosterRead.TooLarge];
        foreach (var key in keys)
        {
            Assert.NotEmpty(Strings.For("zh-CN")[key]);
            Assert.NotEmpty(Strings.For("en-US")[key]);
        }
    }

    /// <summary>Random bytes and every cut of a real workbook: an answer each time, never an exception.</summary>
    [Fact]
    public void Garbage_never_throws()
    {
        var random = new Random(11);
        var xlsx = Fixture("07-department-over-two-rows.xlsx");
        var inputs = Enumerable.Range(0, 200).Select(i =>
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            return bytes;
        }).Concat(Enumerable.Range(1, xlsx.Length / 61).Select(i => xlsx[..(i * 61)]))
          .Concat(Enumerable.Range(0, 100).Select(i => Flip(xlsx, random)));
        foreach (var bytes in inputs)
        {
            foreach (var name in new[] { "x.xlsx", "x.csv" })
            {
                var read = RosterFile.Read(bytes, name);
                Assert.True(read.Sheet is not null ^ read.FailureKey is not null);
            }
        }
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        for (var i = 0; i < 8; i++) copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        return copy;
    }

    private static byte[] ZipWithout()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a workbook");
        }
        return stream.ToArray();
    }
}
