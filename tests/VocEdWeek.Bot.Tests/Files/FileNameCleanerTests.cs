using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Tests.Files;

public sealed class FileNameCleanerTests
{
    [Theory]
    [InlineData("开幕式 现场.jpg", "开幕式 现场.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("a:b*c?d<e>f|g\"h.png", "a_b_c_d_e_f_g_h.png")]
    [InlineData("报道#1%.docx", "报道_1_.docx")]
    [InlineData("🎉庆祝🎉.JPG", "庆祝.jpg")]
    [InlineData("CON.txt", "file.txt")]
    [InlineData("...", "file")]
    [InlineData("  .hidden. ", "hidden")]
    [InlineData("", "file")]
    public void Names_are_cleaned(string input, string expected) => Assert.Equal(expected, FileNameCleaner.Clean(input));

    [Fact]
    public void Long_names_keep_their_extension()
    {
        var cleaned = FileNameCleaner.Clean(new string('长', 300) + ".mp4");
        Assert.True(cleaned.Length <= 100, cleaned.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith(".mp4", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbered_alternative() => Assert.Equal("a (2).jpg", FileNameCleaner.Numbered("a.jpg", 2));

    [Theory]
    [InlineData("_vti_cnf.jpg", "_vti-cnf.jpg")]
    [InlineData("desktop.ini", "file.ini")]
    [InlineData("机电 🎓 学院.png", "机电 学院.png")]
    public void SharePoint_refusals_are_avoided(string input, string expected) => Assert.Equal(expected, FileNameCleaner.Clean(input));

    [Theory]
    [InlineData("2024年无锡职业教育活动周 v1.2", "2024年无锡职业教育活动周 v1.2")]
    [InlineData("../机电:学院", "机电_学院")]
    [InlineData("..", "_")]
    public void Folder_segments_keep_their_dots_and_case(string input, string expected) => Assert.Equal(expected, FileNameCleaner.CleanSegment(input));

    [Fact]
    public void A_numbered_long_name_stays_within_the_limit()
    {
        var name = FileNameCleaner.Clean(new string('长', 300) + ".mp4");
        var numbered = FileNameCleaner.Numbered(name, 12);
        Assert.True(numbered.Length <= FileNameCleaner.MaxLength);
        Assert.EndsWith(" (12).mp4", numbered, StringComparison.Ordinal);
    }
}
