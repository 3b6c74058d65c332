using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Help;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Tests.Features.Help;

/// <summary>The help card is rendered once per language; a message sends it as it is, an invoke answer gets a card of its own.</summary>
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

    [Fact]
    public async Task Help_AsAMessage_SendsTheOneRenderedCard_AndLeavesItAsItWas()
    {
        var help = new HelpHandler(Templates, new ChatFileReach(true));
        var messenger = new RecordingMessenger();
        var turn = Turn("zh-CN", messenger);
        await help.HandleAsync(turn, CommandText.From("help"), CancellationToken.None);
        await help.HandleAsync(turn, CommandText.From("help"), CancellationToken.None);

        // No copy per answer: the connector only writes the card out.
        Assert.Same(messenger.Sent[0].Message.Cards[0], messenger.Sent[1].Message.Cards[0]);
        Assert.True(JsonNode.DeepEquals(help.Card(turn), messenger.Sent[1].Message.Cards[0]));
        // An invoke answer's copy is its own: giving it a parent or changing it leaves the shared card alone.
        var own = help.Card(turn);
        _ = new JsonObject { ["value"] = own };
        own["changed"] = true;
        Assert.NotSame(own, messenger.Sent[0].Message.Cards[0]);
        Assert.Null(messenger.Sent[0].Message.Cards[0]["changed"]);
    }

    private static TurnContext Turn(string locale, RecordingMessenger? messenger = null) => new(messenger ?? new RecordingMessenger())
    {
        Kind = TurnKind.Message,
        Conversation = new ConversationRef("https://smba.example/", "a:1", "tenant-1", "28:bot", "bot", ConversationScope.Personal, "29:1", "aad-1"),
        User = new UserRef("29:1", "aad-1", "张伟"),
        Culture = CultureInfo.GetCultureInfo(locale),
        ReceivedAt = DateTimeOffset.UnixEpoch,
    };
}
