using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Help;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.Help;

/// <summary>The help card is rendered once per language; every answer still gets a card of its own, in its own language.</summary>
public sealed class HelpCardTests
{
    private static readonly CardTemplates Templates = new(Path.Combine(RepoPaths.Root, "cards"));

    [Fact]
    public void Card_TwiceInOneLanguage_IsTheSameCardButNotTheSameObject()
    {
        var help = new HelpHandler(Templates, new ChatFileReach(true));
        var first = help.Card(Turn("zh-CN"));
        var second = help.Card(Turn("zh-CN"));

        Assert.NotSame(first, second);
        Assert.True(JsonNode.DeepEquals(first, second));
        // A card can be put inside an invoke answer (which gives it a parent) and changed; the next answer is untouched.
        _ = new JsonObject { ["value"] = first };
        first["changed"] = true;
        Assert.True(JsonNode.DeepEquals(second, help.Card(Turn("zh-CN"))));
    }

    [Fact]
    public void Card_InEachLanguage_IsRenderedInThatLanguage()
    {
        var help = new HelpHandler(Templates, new ChatFileReach(true));
        var chinese = help.Card(Turn("zh-CN")).ToJsonString();
        var english = help.Card(Turn("en-US")).ToJsonString();

        Assert.NotEqual(chinese, english);
        Assert.Equal(new HelpHandler(Templates, new ChatFileReach(true)).Card(Turn("en-US")).ToJsonString(), english);
        Assert.Equal(new HelpHandler(Templates, new ChatFileReach(true)).Card(Turn("zh-CN")).ToJsonString(), chinese);
    }

    private static TurnContext Turn(string locale) => new(new RecordingMessenger())
    {
        Kind = TurnKind.Message,
        Conversation = new ConversationRef("https://smba.example/", "a:1", "tenant-1", "28:bot", "bot", ConversationScope.Personal, "29:1", "aad-1"),
        User = new UserRef("29:1", "aad-1", "张伟"),
        Culture = CultureInfo.GetCultureInfo(locale),
        ReceivedAt = DateTimeOffset.UnixEpoch,
    };
}
