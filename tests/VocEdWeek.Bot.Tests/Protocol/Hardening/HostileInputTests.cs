using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>
/// Issue 15, hole 2: input that used to end in a 500 with a stack trace. Every answer here is a status code
/// with no internals in the body, through the real /api/messages of the real app.
/// </summary>
public sealed class HostileInputTests : RecordingBotTest
{
    public static TheoryData<string, byte[]> BadBytes() => new()
    {
        { "raw 0xFF", [0xFF] },
        { "lone surrogate as UTF-8", [0xED, 0xA0, 0x80] },
        { "lone surrogate escape", "\\ud800"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(BadBytes))]
    public async Task Invalid_text_in_an_invoke_verb_is_400(string label, byte[] raw)
    {
        var activity = Wire.Load("invoke_adaptiveCard_action_personal.json", Recorder.ServiceUrl);
        activity["value"]!["action"]!["verb"] = "VERB_MARKER";
        var response = await RawPost.BytesAsync(Client, RawPost.WithRawBytes(activity, "VERB_MARKER", raw));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{label}: {response.StatusCode}");
        await WireAssert.NoInternalsAsync(response);
    }

    [Theory]
    [MemberData(nameof(BadBytes))]
    public async Task Invalid_text_in_a_file_consent_answer_is_400(string label, byte[] raw)
    {
        foreach (var place in new[] { "action", "context" })
        {
            var activity = Wire.FileConsent(Recorder.ServiceUrl);
            if (place == "action") activity["value"]!["action"] = "MARKER";
            else activity["value"]!["context"] = new JsonObject { ["item"] = "MARKER" };
            var response = await RawPost.BytesAsync(Client, RawPost.WithRawBytes(activity, "MARKER", raw));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{label} in {place}: {response.StatusCode}");
            await WireAssert.NoInternalsAsync(response);
        }
        Assert.Empty(Recorder.Calls);
    }

    [Theory]
    [InlineData("entities")]
    [InlineData("attachments")]
    [InlineData("membersAdded")]
    public async Task Nulls_inside_arrays_are_skipped(string array)
    {
        var activity = Wire.Load("message_personal_chat.json", Recorder.ServiceUrl);
        activity["text"] = "help";
        activity[array] = new JsonArray(null, activity[array]?.AsArray().FirstOrDefault()?.DeepClone());
        var response = await RawPost.JsonAsync(Client, activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WireAssert.NoInternalsAsync(response);
        Assert.Single(Recorder.Calls); // the help card still went out
    }

    [Fact]
    public async Task Only_nulls_in_entities_still_resolve_a_locale()
    {
        var activity = Wire.Load("message_personal_chat.json", Recorder.ServiceUrl);
        activity.Remove("locale");
        activity["text"] = "help";
        activity["entities"] = new JsonArray(null, null);
        var response = await RawPost.JsonAsync(Client, activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("我能做什么", Assert.Single(Recorder.Calls).Body!.ToJsonString(Wire.Readable), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"},\"value\":" + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" + "}")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"},\"entities\":{\"type\":\"mention\"}}")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"},\"from\":[1,2]}")]
    [InlineData("{\"type\":[\"message\"],\"conversation\":{\"id\":\"a:1\"}}")]
    [InlineData("{\"type\":\"message\"}")]
    public async Task Wrong_shapes_are_400(string body)
    {
        var response = await RawPost.BytesAsync(Client, Encoding.UTF8.GetBytes(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await WireAssert.NoInternalsAsync(response);
    }

    [Fact]
    public async Task An_exception_outside_the_turn_is_a_bare_500_logged_once()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await TestHost.StartAsync(new TestHostOptions
        {
            Services = s =>
            {
                s.AddSingleton<IInboundAuthenticator, ThrowingAuthenticator>();
                s.AddLogging(l => l.AddProvider(logs));
            },
        });
        using var client = app.Factory.CreateClient();
        var response = await RawPost.JsonAsync(client, Wire.Load("message_personal_chat.json", Recorder.ServiceUrl));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Single(logs.Entries, e => e.Exception is InvalidOperationException { Message: ThrowingAuthenticator.Message });
    }

    private sealed class ThrowingAuthenticator : IInboundAuthenticator
    {
        public const string Message = "boom from the authenticator";

        public Task<bool> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct) =>
            throw new InvalidOperationException(Message);
    }
}
