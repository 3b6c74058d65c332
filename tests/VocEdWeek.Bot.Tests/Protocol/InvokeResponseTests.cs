using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol;

namespace VocEdWeek.Bot.Tests.Protocol;

/// <summary>The invoke answer written straight as UTF-8 (and kept so for Teams' copies): the very bytes the card's JSON string gave, with its length.</summary>
public sealed class InvokeResponseTests
{
    [Fact]
    public async Task ABigChineseCard_IsWrittenAsItsJsonText_WithLengthAndType()
    {
        // Larger than the first pooled buffer (16 KB), with text that escapes and text that does not.
        var facts = new JsonArray();
        for (var i = 0; i < 400; i++) facts.Add(new JsonObject { ["title"] = $"第{i}项 “引号” <b> & \\ \n", ["value"] = "已提交 ✓ 11:42 😀" });
        var result = InvokeResult.Card(new JsonObject { ["type"] = "AdaptiveCard", ["body"] = facts, ["n"] = 1.5 });
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;

        await new TurnOutcome(isInvoke: true, result).ToHttpResult().ExecuteAsync(http);

        var expected = Encoding.UTF8.GetBytes(result.Body!.ToJsonString(WireJson.Options));
        Assert.True(expected.Length > 16 * 1024);
        Assert.Equal(expected, body.ToArray());
        Assert.Equal(expected.Length, http.Response.ContentLength);
        Assert.Equal("application/json; charset=utf-8", http.Response.ContentType);
        Assert.Equal(200, http.Response.StatusCode);
    }
}
