using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>Member lookups: one member, and every member page by page.</summary>
public sealed class ConnectorMembersTests
{
    private const string ChannelId = "19:LydFnezGKSkhYoiLNP6kZ8AuXQr36EDAkvG9CNJSPKc1@thread.tacv2";
    private const string ChannelIdEscaped = "19%3ALydFnezGKSkhYoiLNP6kZ8AuXQr36EDAkvG9CNJSPKc1%40thread.tacv2";

    [Fact]
    public async Task GetMemberAsync_EscapesUserIdAndReadsEmailUpnObjectId()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("GET", "/members/", FakeResponse.Json(200, TestData.Teams("api_member_response_docs.json")));

        var member = await host.RunAsync(() => host.Messenger.GetMemberAsync(host.Conversation(ChannelId), "labrown@fabrikam.com"));

        Assert.NotNull(member);
        Assert.StartsWith("29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1", member.Id, StringComparison.Ordinal);
        Assert.Equal("9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c", member.AadObjectId);
        Assert.Equal("Larry.Brown@fabrikam.com", member.Email);
        Assert.Equal("labrown@fabrikam.com", member.UserPrincipalName);
        Assert.Equal("Larry Brown", member.Name);
        var request = Assert.Single(host.Connector.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/amer/v3/conversations/{ChannelIdEscaped}/members/labrown%40fabrikam.com", request.Target);
    }

    [Fact]
    public async Task GetMemberAsync_NotFound_ReturnsNull()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("GET", "/members/", FakeResponse.Error(404, "MemberNotFoundInConversation"));

        var member = await host.RunAsync(() => host.Messenger.GetMemberAsync(host.Conversation(), "29:gone"));

        Assert.Null(member);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task GetMembersAsync_FollowsContinuationTokensUntilNone()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        var first = TestData.Teams("api_pagedmembers_response_docs.json").Replace("asdfqwerueiqpiewr", "token/one+=", StringComparison.Ordinal);
        host.Connector.Script("GET", "/pagedmembers", FakeResponse.Json(200, first),
            FakeResponse.Json(200, """{"continuationToken":"two","members":[{"id":"29:fourth","objectId":"44444444-4444-4444-4444-444444444444","name":"Dee"}]}"""),
            FakeResponse.Json(200, """{"members":[{"id":"29:fifth","name":"Eve"}]}"""));

        var members = await host.RunAsync(() => Collect(host.Messenger.GetMembersAsync(host.Conversation(ChannelId), pageSize: 200)));

        Assert.Equal(5, members.Count);
        Assert.Equal("johnp@fabrikam.com", members[1].Email);
        Assert.Equal("76b0b09f-d410-48fd-993e-84da521a597b", members[1].AadObjectId);
        Assert.Equal(["Anon1 (Guest)", "John Patterson", "Rick Stevens", "Dee", "Eve"], members.Select(m => m.Name));
        var targets = host.Connector.Requests.Select(r => r.Target).ToList();
        Assert.Equal(
            [
                $"/amer/v3/conversations/{ChannelIdEscaped}/pagedmembers?pageSize=200",
                $"/amer/v3/conversations/{ChannelIdEscaped}/pagedmembers?pageSize=200&continuationToken=token%2Fone%2B%3D",
                $"/amer/v3/conversations/{ChannelIdEscaped}/pagedmembers?pageSize=200&continuationToken=two",
            ],
            targets);
    }

    [Fact]
    public async Task GetMembersAsync_PageFails_Throws()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("GET", "/pagedmembers", FakeResponse.Json(200, """{"continuationToken":"2","members":[{"id":"29:a"}]}"""));
        host.Connector.ScriptAlways("GET", "/pagedmembers", FakeResponse.Error(403, "BotNotInConversationRoster"));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => host.RunAsync(() => Collect(host.Messenger.GetMembersAsync(host.Conversation()))));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(2, host.Connector.Requests.Count);
    }

    private static async Task<List<MemberInfo>> Collect(IAsyncEnumerable<MemberInfo> members)
    {
        var list = new List<MemberInfo>();
        await foreach (var member in members) list.Add(member);
        return list;
    }
}
