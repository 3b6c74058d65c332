using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Operations.Check;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Operations;

public sealed class InstanceHeaderTests
{
    [Fact]
    public async Task Healthz_still_says_ok_and_names_the_instance_by_its_signing_key()
    {
        await using var bot = new BotApp();
        using var client = bot.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var id = Assert.Single(response.Headers.GetValues(InstanceHeader.Name));
        Assert.Equal(bot.Services.GetRequiredService<LinkSigner>().InstanceId, id);
        Assert.Matches("^[0-9a-f]{16}$", id);
        // Derived from the key, never the key itself.
        // On PostgreSQL the key comes from configuration (every instance shares it), else from the data folder.
        var key = bot.Services.GetRequiredService<WebLinkOptions>().SigningKey
            ?? await File.ReadAllTextAsync(Path.Combine(bot.DataDirectory, "link-signing.key"));
        Assert.DoesNotContain(id, Convert.ToHexStringLower(Convert.FromBase64String(key.Trim())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_installations_have_different_instance_ids()
    {
        await using var one = new BotApp();
        await using var two = new BotApp();

        Assert.NotEqual(
            one.Services.GetRequiredService<LinkSigner>().InstanceId,
            two.Services.GetRequiredService<LinkSigner>().InstanceId);
    }
}
