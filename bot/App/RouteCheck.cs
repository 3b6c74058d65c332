using VocEdWeek.Bot.Handlers;
namespace VocEdWeek.Bot.App;

/// <summary>Builds the <see cref="RouteTable"/> when the host starts, so a table that disagrees stops the start, not a turn.</summary>
public sealed class RouteCheck : IHostedService
{
    public RouteCheck(RouteTable table) => _ = table;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
