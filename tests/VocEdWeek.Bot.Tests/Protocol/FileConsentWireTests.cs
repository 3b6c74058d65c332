using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol;

/// <summary>The file consent wire shapes (MS Teams docs, bots-filesv4): the invoke read into the app's seam, the two file cards written out.</summary>
public sealed class FileConsentWireTests
{
    private static readonly ConversationRef Personal = new("https://smba.example/", "a:1", "tenant-1", "28:bot", "bot", ConversationScope.Personal);

    [Fact]
    public void DocumentedAcceptInvoke_BecomesAFileConsentTurn()
    {
        var fragment = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.TeamsFixtures, "fragment_invoke_fileConsent_accept_docs.json")))!;
        fragment["value"]!["context"] = new JsonObject { ["exportId"] = "abc", ["n"] = 3 };
        var activity = new Activity
        {
            Type = "invoke",
            Name = (string?)fragment["name"],
            Value = JsonSerializer.SerializeToElement(fragment["value"]),
            Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
            ServiceUrl = "https://smba.example/",
        };

        var turn = ActivityMapper.ToTurn(activity, new RecordingMessenger(), DateTimeOffset.UnixEpoch);

        Assert.Equal(TurnKind.FileConsent, turn.Kind);
        var answer = Assert.IsType<FileConsentAnswer>(turn.FileConsent);
        Assert.True(answer.Accepted);
        Assert.Equal("abc", answer["exportId"]);
        Assert.Null(answer["n"]);
        Assert.Equal(new FileUploadTarget("file_example.txt", "https://upload.link",
            "https://contoso.sharepoint.com/personal/johnadams_contoso_com/Documents/Applications/file_example.txt",
            "1150D938-8870-4044-9F2C-5BBDEBA70C8C", "txt"), answer.Upload);
    }

    [Theory]
    [InlineData("""{"type":"fileUpload","action":"decline","context":{"exportId":"x"}}""", false, true)]
    [InlineData("""{"type":"fileUpload","action":"accept","context":{}}""", null, false)]
    [InlineData("""{"type":"somethingElse","action":"accept"}""", null, false)]
    [InlineData("""{"action":"maybe"}""", null, false)]
    [InlineData("""[1,2]""", null, false)]
    public void OtherValues_AreReadOrRefused(string json, bool? accepted, bool readable)
    {
        var answer = FileConsentValue.From(JsonDocument.Parse(json).RootElement);

        Assert.Equal(readable, answer is not null);
        if (accepted is { } a) Assert.Equal(a, answer!.Accepted);
    }

    [Fact]
    public void ConsentRequest_IsAFileConsentCardAttachment()
    {
        var context = new Dictionary<string, string> { ["exportId"] = "e1" };
        var activity = OutgoingActivity.Build(Personal, OutgoingMessage.FromFile(new FileConsentRequest("情况统计表.xlsx", "情况统计表 · 2024", 2048, context, context)), null);

        var wire = JsonNode.Parse(JsonSerializer.Serialize(activity, WireJson.Options))!;
        var attachment = Assert.Single(wire["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", (string?)attachment["contentType"]);
        Assert.Equal("情况统计表.xlsx", (string?)attachment["name"]);
        Assert.Equal("情况统计表 · 2024", (string?)attachment["content"]!["description"]);
        Assert.Equal(2048, (long)attachment["content"]!["sizeInBytes"]!);
        Assert.Equal("e1", (string?)attachment["content"]!["acceptContext"]!["exportId"]);
        Assert.Equal("e1", (string?)attachment["content"]!["declineContext"]!["exportId"]);
        Assert.Null(wire["text"]);
    }

    [Fact]
    public void DeliveredFile_IsAFileInfoCardAttachment()
    {
        var activity = OutgoingActivity.Build(Personal, OutgoingMessage.FromFile(new DeliveredFile("a.xlsx", "https://contoso/a.xlsx", "U1", "xlsx")), null);

        var attachment = Assert.Single(JsonNode.Parse(JsonSerializer.Serialize(activity, WireJson.Options))!["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", (string?)attachment["contentType"]);
        Assert.Equal("https://contoso/a.xlsx", (string?)attachment["contentUrl"]);
        Assert.Equal("a.xlsx", (string?)attachment["name"]);
        Assert.Equal("U1", (string?)attachment["content"]!["uniqueId"]);
        Assert.Equal("xlsx", (string?)attachment["content"]!["fileType"]);
    }
}
