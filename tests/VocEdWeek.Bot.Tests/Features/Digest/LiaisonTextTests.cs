using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Digest;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Digest;

/// <summary>
/// Issue 15, hole 6: a liaison's markdown link in a daily report must reach the office as text, never as a link the bot
/// seems to vouch for — in the digest posted to the office channel, in the receipt, in the progress answers.
/// </summary>
public sealed class LiaisonTextTests : IDisposable
{
    private const string Phish = "[点击领取奖励，请先登录](https://evil.example/phish)";
    private readonly FormsWorld _world = new(Beijing(2024, 5, 14, 10, 0));

    public void Dispose() => _world.Dispose();

    private Task<JsonObject> SubmitAsync(string typicalCase, string story = "**重要通知** 见 https://evil.example/x") =>
        FormSteps.SubmitAsync(_world, "日报", "report.submit", _ =>
        {
            var values = FormSteps.ValidReport();
            values["typicalCase"] = typicalCase;
            values["story"] = story;
            return values;
        });

    /// <summary>No markdown link and no clickable bare URL anywhere in the card's JSON.</summary>
    private static void AssertNoLink(JsonObject card)
    {
        var json = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.DoesNotContain("](https://evil.example", json, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil.example", json, StringComparison.Ordinal);
        Assert.DoesNotContain("**重要通知**", json);
    }

    [Fact]
    public async Task PhishingLink_InTheDigest_IsPlainEscapedText()
    {
        await SubmitAsync(Phish);

        var model = _world.Get<DigestBuilder>().Build(_world.Get<WeekCatalog>().Active!, new DateOnly(2024, 5, 14), _world.Clock.GetUtcNow());
        var card = Assert.Single(_world.Get<DigestCards>().Render(model));

        AssertNoLink(card);
        var text = CardJson.AllText(card);
        Assert.Contains(@"\[点击领取奖励，请先登录\]", text);
        Assert.Contains(@"\*\*重要通知\*\*", text);
    }

    [Fact]
    public async Task PhishingLink_InTheReceipt_IsPlainEscapedText()
    {
        var receipt = await SubmitAsync(Phish);

        AssertNoLink(receipt);
        Assert.Contains(@"\[点击领取奖励，请先登录\]", CardJson.AllText(receipt));
    }

    [Fact]
    public async Task PhishingLink_NeverReachesTheProgressCards()
    {
        await SubmitAsync(Phish);

        AssertNoLink(await _world.CardForAsync(Staff, "进度"));
        AssertNoLink(await _world.CardForAsync(Staff, "今天谁还没报送"));
        AssertNoLink(await _world.CardForAsync(Liaison, "我的提交"));
    }

    [Fact]
    public async Task TheLiaisonsOwnForm_ShowsWhatTheyTyped_Unescaped()
    {
        await SubmitAsync(Phish);

        var form = await _world.CardForAsync(Liaison, "日报");

        // Input values are not markdown: editing the report shows exactly what was typed.
        Assert.Equal(Phish, CardJson.Value(form, "typicalCase"));
    }
}
