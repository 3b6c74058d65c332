using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// Every card of <see cref="GoldenCard"/> rendered again must be the same text, through each way the bot renders: the
/// texts passed apart (as the bot does), the texts inside the data (as the card samples do), and the template given as
/// JSON. A template error must give the same message.
/// </summary>
public sealed class GoldenCardsTests
{
    private static readonly CardTemplates Templates = new(Path.Combine(RepoPaths.Root, "cards"));

    public static TheoryData<string> Names => new(GoldenCard.All.Select(c => c.Name));

    [Fact]
    public void Golden_CoversEveryTemplate_AndTheTemplateCases()
    {
        var covered = GoldenCard.All.Where(c => c.Template is not null).Select(c => c.Template!).ToHashSet();
        Assert.Superset(Templates.Names.ToHashSet(), covered);
        Assert.Equal(Templates.Names.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
        Assert.Equal(TemplateCase.All.Count, GoldenCard.All.Count(c => c.TemplateJson is not null || c.Template is null));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Render_GivesTheGoldenText(string name)
    {
        var golden = GoldenCard.All.Single(c => c.Name == name);
        if (golden.Template is null)
        {
            Assert.Equal(golden.Card, Expand(() => TemplateEngine.Expand(golden.TemplateJson?.DeepClone(), golden.Data?.DeepClone())));
            return;
        }

        var data = golden.Data!.AsObject();
        if (golden.Lang is { } lang)
        {
            var texts = Strings.For(lang);
            Assert.Equal(golden.Card, Expand(() => Templates.Render(golden.Template, (JsonObject)data.DeepClone(), texts)));
            Assert.Equal(golden.Card, Expand(() => Templates.Render(golden.Template, CardTemplates.WithTexts((JsonObject)data.DeepClone(), texts))));
        }
        else
        {
            Assert.Equal(golden.Card, Expand(() => Templates.Render(golden.Template, data.DeepClone())));
        }
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "cards", golden.Template + ".json")));
        var withTexts = golden.Lang is null ? data.DeepClone() : CardTemplates.WithTexts((JsonObject)data.DeepClone(), Strings.For(golden.Lang));
        Assert.Equal(golden.Card, Expand(() => TemplateEngine.Expand(template, withTexts)));
    }

    /// <summary>The card's JSON text, or "error: " and the message.</summary>
    internal static string? Expand(Func<JsonNode?> render)
    {
        try
        {
            return render()?.ToJsonString() ?? "null";
        }
        catch (TemplateException e)
        {
            return "error: " + e.Message;
        }
    }
}
