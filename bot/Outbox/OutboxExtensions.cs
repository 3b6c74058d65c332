using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Outbox;

public static class OutboxExtensions
{
    /// <summary>The outbox and its worker: every proactive message goes through here.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<OutboxOptions>("Outbox", o => BoundOptions.Positive("Outbox:PollInterval", o.PollInterval)
            ?? BoundOptions.AtLeastOne("Outbox:MaxParallel", o.MaxParallel) ?? BoundOptions.AtLeastOne("Outbox:BatchSize", o.BatchSize)
            ?? BoundOptions.AtLeastOne("Outbox:MaxAttempts", o.MaxAttempts) ?? BoundOptions.Positive("Outbox:ClaimLease", o.ClaimLease));
        // The store itself (IOutboxStore) and this instance's name on its claims (InstanceName) are the database's: AddStorage.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<TeamRoster>();
        services.AddSingleton<RecipientResolver>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        return services;
    }
}
