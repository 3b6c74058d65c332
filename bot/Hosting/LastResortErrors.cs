namespace VocEdWeek.Bot.Hosting;

/// <summary>
/// The outermost net: an exception no handler caught becomes a bare 500 with no body, logged once here. Without it,
/// Development (the local emulator's mode) shows ASP.NET Core's developer page, stack trace and source paths included,
/// to whoever sent the request. The path is not logged: signed links carry their token in it.
/// </summary>
public static partial class LastResortErrors
{
    public static IApplicationBuilder UseLastResortErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
                // The caller went away; there is nobody to answer and nothing went wrong here.
            }
            catch (Exception ex)
            {
                var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("VocEdWeek.Bot.Hosting.LastResortErrors");
                LogUnhandled(log, ex, context.Request.Method, context.GetEndpoint()?.DisplayName ?? "(no endpoint)");
                if (context.Response.HasStarted)
                {
                    context.Abort();
                    return;
                }
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Endpoint}; answered 500 with no body")]
    private static partial void LogUnhandled(ILogger logger, Exception ex, string method, string endpoint);
}
