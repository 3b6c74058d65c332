using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>The same bare 500 in Production as in Development, and anonymous mode answering only this machine.</summary>
public sealed class LastResortTests
{
    [Fact]
    public async Task Production_also_answers_a_bare_500()
    {
        await using var idp = await FakeBotFrameworkIdentity.StartAsync();
        await using var bot = await TestHost.StartAsync(new()
        {
            Identity = idp,
            Environment = "Production",
            Services = s => s.AddSingleton<IInboundAuthenticator, Throwing>(),
        });
        var response = await bot.PostActivityAsync(TestActivities.Event(), authorization: null);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_mode_answers_403_to_a_caller_off_this_machine()
    {
        await using var bot = await TestHost.StartAsync(new TestHostOptions { Services = s => s.AddSingleton<IStartupFilter>(new FromElsewhere()) });
        using var client = bot.Factory.CreateClient();
        var response = await RawPost.JsonAsync(client, Wire.LiaisonMessage("http://127.0.0.1:9/", "help"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private sealed class Throwing : IInboundAuthenticator
    {
        public Task<bool> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct) =>
            throw new InvalidOperationException("boom");
    }

    /// <summary>Makes every request look as if it came from 192.0.2.10 (a documentation address; nothing is sent there).</summary>
    private sealed class FromElsewhere : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate inner) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
                return inner(context);
            });
            next(app);
        };
    }
}
