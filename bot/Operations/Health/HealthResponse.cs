using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VocEdWeek.Bot.Operations.Health;

/// <summary>
/// The readiness answer: overall status and one line per check. A check that threw is reported without the
/// exception's text (it may carry paths or connection details); the log has it.
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Exception is null ? e.Value.Description : "The check failed; see the bot's log.",
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
