using VocEdWeek.Bot.Protocol.Auth;

namespace VocEdWeek.Bot.Tests.Protocol.Auth;

/// <summary>The small pure pieces of inbound auth, without HTTP.</summary>
public sealed class AuthRulesTests
{
    [Theory]
    [InlineData("Bearer abc", true)]
    [InlineData("bearer abc", true)]
    [InlineData("Bearer", false)]
    [InlineData("Bearer ", false)]
    [InlineData("Bearer a b", false)]
    [InlineData("Bearer  abc", false)]
    [InlineData(" Bearer abc", false)]
    [InlineData("Basic abc", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void BearerToken_TryParse_AcceptsOnlyTwoPartBearer(string? header, bool expected)
    {
        Assert.Equal(expected, BearerToken.TryParse(header, out var token));
        if (expected) Assert.Equal("abc", token);
    }

    [Fact]
    public void JwksEndorsements_Parse_ReadsArraysAndSkipsKeysWithout()
    {
        var map = JwksEndorsements.Parse("""
            {"keys":[
              {"kid":"a","kty":"RSA","endorsements":["msteams","skype"]},
              {"kid":"b","kty":"RSA"},
              {"kid":"c","kty":"RSA","endorsements":"msteams"},
              {"kty":"RSA","endorsements":["msteams"]}
            ]}
            """);
        Assert.Equal(["msteams", "skype"], map["a"]);
        Assert.False(map.ContainsKey("b"));
        Assert.False(map.ContainsKey("c"));
        Assert.Single(map);
    }

    [Theory]
    [InlineData(new[] { "msteams" }, "msteams", true, true)]
    [InlineData(new[] { "skype" }, "msteams", true, false)]
    [InlineData(new[] { "skype" }, null, true, true)]
    [InlineData(new[] { "MSTEAMS" }, "msteams", true, false)]
    [InlineData(null, "msteams", true, false)]
    [InlineData(null, null, true, false)]
    [InlineData(null, "emulator", false, true)]
    [InlineData(new[] { "skype" }, "emulator", false, false)]
    public void SignedTokenCheck_IsEndorsed_FollowsBotFrameworkRules(string[]? endorsements, string? channelId, bool required, bool expected)
    {
        Assert.Equal(expected, SignedTokenCheck.IsEndorsed(endorsements, channelId, required));
    }

    [Theory]
    [InlineData(-60, 60, true)]
    [InlineData(-60, -4, true)]
    [InlineData(-60, -6, false)]
    [InlineData(4, 60, true)]
    [InlineData(6, 60, false)]
    [InlineData(30, 10, false)]
    public void BotTokenRules_IsWithinLifetime_AllowsFiveMinutesSkew(int notBeforeMinutes, int expiresMinutes, bool expected)
    {
        var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var valid = BotTokenRules.IsWithinLifetime(now.UtcDateTime.AddMinutes(notBeforeMinutes), now.UtcDateTime.AddMinutes(expiresMinutes), now);
        Assert.Equal(expected, valid);
    }

    [Fact]
    public void BotTokenRules_IsWithinLifetime_RequiresExpiry()
    {
        Assert.False(BotTokenRules.IsWithinLifetime(null, null, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void BotTokenRules_EmulatorIssuersFor_AddsTenantTemplatesOnlyForGuidTenants()
    {
        var tenant = "9b1d7e3a-2c4f-4a6b-8d0e-1f3a5c7e9b2d";
        Assert.Contains($"https://sts.windows.net/{tenant}/", BotTokenRules.EmulatorIssuersFor(tenant));
        Assert.Equal(BotTokenRules.EmulatorIssuers.Count, BotTokenRules.EmulatorIssuersFor("evil.com/x").Count);
    }
}
