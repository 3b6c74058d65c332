using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>
/// Issue 15, holes 7 and 8: body limits that count bytes (chunked or not), bounded fields and ids,
/// and nothing stored or echoed that is unbounded — through the real /api/messages.
/// </summary>
public sealed class LimitTests : RecordingBotTest
{
    [Theory]
    [InlineData(4_200_000, true)]
    [InlineData(10_000_000, true)]
    [InlineData(4_200_000, false)]
    public async Task Bodies_over_the_limit_are_413_whether_chunked_or_not(int bytes, bool chunked)
    {
        // Kestrel, not the in-memory test server: chunked transfer is what slipped past a Content-Length check.
        using var kestrel = new BotApp();
        kestrel.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        kestrel.StartServer();
        // A plain client: the factory's own handlers buffer the body and would add a Content-Length.
        var address = kestrel.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var activity = Wire.LiaisonMessage(Recorder.ServiceUrl, "help");
        activity["channelData"]!["padding"] = new string('x', bytes);
        HttpResponseMessage response;
        try
        {
            response = await RawPost.BytesAsync(client, Encoding.UTF8.GetBytes(activity.ToJsonString()), chunked);
        }
        catch (HttpRequestException)
        {
            // Kestrel answered 413 and closed the connection while the client was still sending: refused, unread.
            Assert.Empty(Recorder.Calls);
            return;
        }
        Assert.Equal(chunked, response.RequestMessage!.Content!.Headers.ContentLength is null);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await WireAssert.NoInternalsAsync(response);
        Assert.Empty(Recorder.Calls);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        var activity = Wire.LiaisonMessage(Recorder.ServiceUrl, "help");
        activity["channelData"]!["padding"] = new string('x', 1_000_000);
        var response = await RawPost.BytesAsync(Client, Encoding.UTF8.GetBytes(activity.ToJsonString()), chunked: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_3_MB_form_field_is_refused_at_the_wire_and_neither_stored_nor_echoed()
    {
        var activity = ReportSubmit(new string('文', 1_000_000));
        var response = await RawPost.JsonAsync(Client, activity);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 1024);
        Assert.Empty(Recorder.Calls);
        Assert.Empty(TestBot.Services.GetRequiredService<ISubmissionStore>().History("2024-wuxi", "jd", "report:2024-05-14"));
    }

    [Fact]
    public async Task An_overlong_form_field_gets_the_localized_message_in_a_card_under_28_KB()
    {
        var response = await RawPost.JsonAsync(Client, ReportSubmit(new string('文', 40_000)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < 28 * 1024, $"invoke answer of {body.Length} bytes");
        Assert.Contains("最多 3000 字", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Empty(TestBot.Services.GetRequiredService<ISubmissionStore>().History("2024-wuxi", "jd", "report:2024-05-14"));
    }

    [Fact]
    public async Task A_message_echoed_nowhere_is_still_bounded()
    {
        var response = await RawPost.JsonAsync(Client, Wire.LiaisonMessage(Recorder.ServiceUrl, new string('字', 200_000)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Recorder.Calls);
    }

    public static TheoryData<string, string> BadIds() => new()
    {
        { "conversation", new string('c', 1100) },
        { "conversation", "\n\n\n" },
        { "from", new string('u', 1100) },
        { "from", "29:user\u0000" },
        { "id", new string('i', 1100) },
        { "replyToId", new string('r', 1100) },
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Long_or_odd_ids_are_400_and_nothing_is_stored(string where, string id)
    {
        var activity = Wire.LiaisonMessage(Recorder.ServiceUrl, "help");
        if (where is "conversation" or "from") activity[where]!["id"] = id; else activity[where] = id;
        var response = await RawPost.JsonAsync(Client, activity);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await WireAssert.NoInternalsAsync(response);
        Assert.Empty(Recorder.Calls);
        Assert.Null(TestBot.Services.GetRequiredService<IConversationStore>().FindPersonal("11a150a0-0000-4000-8000-000000000001", null));
    }

    [Fact]
    public async Task An_overlong_card_id_is_not_used_as_a_key()
    {
        var activity = ReportSubmit("机电学院开放实训中心。");
        activity["value"]!["action"]!["data"]!["cardId"] = new string('k', 2000);
        var response = await RawPost.JsonAsync(Client, activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(TestBot.Services.GetRequiredService<ISubmissionStore>().History("2024-wuxi", "jd", "report:2024-05-14"));
        Assert.True((stored.IdempotencyKey?.Length ?? 0) < 200, "the key was built from the 2,000-character card id");
    }

    private JsonObject ReportSubmit(string typicalCase) => Wire.ReportSubmit(Recorder.ServiceUrl, typicalCase);
}
