using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>Registration and routes of the personal upload page.</summary>
public static class UploadPageExtensions
{
    public static IServiceCollection AddUploadPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ChatFileReach.From(configuration));
        services.AddSingleton<UploadLinks>();
        services.AddSingleton<UploadLinkCard>();
        services.AddSingleton<UploadLinkHandler>();
        services.AddSingleton<UploadReceiver>();
        services.AddSingleton<UploadAcknowledger>();
        services.AddBoundOptions<UploadPageOptions>("UploadPage", o => BoundOptions.Positive("UploadPage:SweepInterval", o.SweepInterval));
        services.AddHostedService<QuietUploadSweeper>();
        return services;
    }

    public static WebApplication MapUploadPage(this WebApplication app)
    {
        app.MapGet("/upload/{token}", (HttpContext ctx, string token, UploadLinks links, FileIntakeOptions options) => ShowAsync(ctx, token, links, options));
        app.MapPost("/upload/{token}/files", (HttpContext ctx, string token, UploadReceiver receiver) => receiver.ReceiveAsync(ctx, token));
        app.MapPost("/upload/{token}/done", (HttpContext ctx, string token, UploadAcknowledger acknowledger) => acknowledger.DoneAsync(ctx, token));
        return app;
    }

    private static async Task ShowAsync(HttpContext ctx, string token, UploadLinks links, FileIntakeOptions options)
    {
        var nonce = UploadResponses.NewNonce();
        UploadResponses.Secure(ctx.Response, nonce);
        ctx.Response.ContentType = "text/html; charset=utf-8";
        var access = links.Open(token);
        if (access.Target is { } target)
        {
            await ctx.Response.WriteAsync(UploadPageHtml.Page(target, options, nonce), ctx.RequestAborted);
            return;
        }
        var (status, title, text) = UploadResponses.Refusal(access);
        ctx.Response.StatusCode = status;
        await ctx.Response.WriteAsync(UploadPageHtml.Message(UploadResponses.Language(access, ctx.Request), title, text, nonce), ctx.RequestAborted);
    }
}
