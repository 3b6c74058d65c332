using VocEdWeek.Bot.Protocol.Connector;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>Error bodies the connector (or a proxy in front of it) really returns.</summary>
public sealed class ConnectorErrorTests
{
    [Fact]
    public void Parse_StandardErrorResponse()
    {
        var error = ConnectorError.Parse(TestData.Teams("api_error_400_badsyntax.json"));

        Assert.Equal(new ConnectorError("BadSyntax", "Incorrect conversation creation parameters"), error);
    }

    [Fact]
    public void Parse_ErrorCodeWithJsonMessage_UsesSubCode()
    {
        var error = ConnectorError.Parse(TestData.Teams("api_error_403_messagewritesblocked_docs.json"));

        Assert.Equal(new ConnectorError("MessageWritesBlocked", "Thread is blocked from message writes."), error);
    }

    [Fact]
    public void Parse_ErrorCodeWithPlainMessage_KeepsTheNumber()
    {
        var error = ConnectorError.Parse("""{"errorCode":209,"message":"blocked"}""");

        Assert.Equal(new ConnectorError("209", "blocked"), error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyBody_HasNothing(string body) =>
        Assert.Equal(new ConnectorError(null, null), ConnectorError.Parse(body));

    [Fact]
    public void Parse_HtmlFromAProxy_KeepsAClippedMessage()
    {
        var html = "<html><body>" + new string('x', 2000) + "</body></html>";

        var error = ConnectorError.Parse(html);

        Assert.Null(error.Code);
        Assert.StartsWith("<html><body>xxx", error.Message, StringComparison.Ordinal);
        Assert.Equal(501, error.Message!.Length);
    }
}
