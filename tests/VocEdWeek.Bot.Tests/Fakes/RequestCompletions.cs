using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// Signals when the server has finished a request (its handler returned or threw, clean-up included), so a test awaits
/// the server's side of a request the client broke off — never a while on the wall clock.
/// </summary>
public sealed class RequestCompletions : IStartupFilter
{
    private readonly ConcurrentQueue<(string Path, TaskCompletionSource Done)> _waiting = new();

    /// <summary>Completes when the next request whose path ends with <paramref name="pathEnd"/> is finished by the server.</summary>
    public Task NextAsync(string pathEnd)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue((pathEnd, done));
        return done.Task;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            try
            {
                await inner(context);
            }
            finally
            {
                var path = context.Request.Path.Value ?? "";
                foreach (var (end, done) in _waiting)
                {
                    if (path.EndsWith(end, StringComparison.Ordinal)) done.TrySetResult();
                }
            }
        });
        next(app);
    };
}
