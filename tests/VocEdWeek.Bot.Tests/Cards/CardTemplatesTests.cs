using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// The renderer's shortcuts change nothing: texts passed apart (converted once per language and shared) give the card the
/// texts in the data give, a template prepared once serves different data, and the shared texts answer case-insensitive
/// paths like any other object.
/// </summary>
public sealed class CardTemplatesTests : IDisposable
{
    private readonly CardTemplates _cards = new(Path.Combine(RepoPaths.Root, "cards"));
    private readonly string _directory = Directory.CreateTempSubdirectory("cards-").FullName;

    public static TheoryData<string> Cultures => new() { "zh-CN", "en-US" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Render_TextsApart_SameCardAsTextsInData(string culture)
    {
        var t = Strings.For(CultureInfo.GetCultureInfo(culture));
        foreach (var chatFiles in new[] { true, false })
        {
            var inData = _cards.Render("help", Data(chatFiles, t.AsJson()));
            var apart = _cards.Render("help", Data(chatFiles, null), t);
            JsonAssert.Equal(inData, apart, $"{culture}, chatFiles {chatFiles}: ");
            // And again: the kept texts and the prepared template serve every render alike.
            JsonAssert.Equal(inData, _cards.Render("help", Data(chatFiles, null), t));
        }
    }

    [Fact]
    public void Render_PreparedTemplate_BindsEachRendersOwnData()
    {
        var t = Strings.For("zh-CN");
        var first = _cards.Render("help", Data(chatFiles: false, null), t);
        var second = _cards.Render("help", Data(chatFiles: true, null), t);
        Assert.NotEqual(JsonAssert.Show(first), JsonAssert.Show(second));
        Assert.Contains(t["upload_china_help"], JsonAssert.Show(first), StringComparison.Ordinal);
        Assert.DoesNotContain(t["upload_china_help"], JsonAssert.Show(second), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SharedTexts_MatchPathsIgnoringCaseAndMissOthers()
    {
        File.WriteAllText(Path.Combine(_directory, "case.json"), """{"a":"${t.HELP_TITLE}","b":"${t.Help_Footer}","c":"${t.no_such_text}","d":"${$index}"}""");
        var cards = new CardTemplates(_directory);
        var t = Strings.For("en-US");
        var apart = cards.Render("case", new JsonObject(), t);
        JsonAssert.Equal(cards.Render("case", new JsonObject { ["t"] = t.AsJson() }), apart);
        Assert.Equal(t["help_title"], (string?)apart["a"]);
        Assert.Equal("${t.no_such_text}", (string?)apart["c"]);
    }

    [Fact]
    public void Render_TextsBothApartAndInData_IsRefused()
    {
        var t = Strings.For("zh-CN");
        Assert.Throws<ArgumentException>(() => _cards.Render("help", new JsonObject { ["t"] = t.AsJson() }, t));
    }

    private static JsonObject Data(bool chatFiles, JsonObject? texts)
    {
        var data = new JsonObject
        {
            ["commands"] = new JsonArray(new JsonObject { ["name"] = "help", ["description"] = "\"quoted\" <b>text</b>" }),
            ["chatFiles"] = chatFiles,
        };
        if (texts is not null) data["t"] = texts;
        return data;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
