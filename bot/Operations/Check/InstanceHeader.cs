using VocEdWeek.Bot.Links;

namespace VocEdWeek.Bot.Operations.Check;

/// <summary>
/// <c>/healthz</c> answers with <c>X-VocEdWeek-Instance</c> so that <c>check</c> can tell this bot from any other
/// server at the public address. The value is derived from the link signing key (see <see cref="LinkSigner.InstanceId"/>):
/// the same on every start of one installation, different between installations, and it reveals nothing of the key.
/// </summary>
public static class InstanceHeader
{
    public const string Name = "X-VocEdWeek-Instance";

    public static WebApplication UseInstanceHeader(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Resolved per request, so start-up does not depend on the key file (the signer loads it lazily as before).
            if (context.Request.Path.StartsWithSegments("/healthz"))
                context.Response.Headers[Name] = context.RequestServices.GetRequiredService<LinkSigner>().InstanceId;
            return next(context);
        });
        return app;
    }
}
