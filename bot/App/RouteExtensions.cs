using VocEdWeek.Bot.Handlers;
namespace VocEdWeek.Bot.App;

public static class RouteExtensions
{
    /// <summary>
    /// Registers <see cref="Routes"/>: each command handler as <see cref="ICommandHandler"/> in table order, each verb's
    /// handler as <see cref="ICardActionHandler"/>. Call after the features: a handler twice, a verb twice, a handler a
    /// feature registers with no row, or a row no feature registers stops the start with one sentence.
    /// </summary>
    public static IServiceCollection AddRoutes(this IServiceCollection services) =>
        services.AddRoutes(Routes.Commands, Routes.Verbs);

    public static IServiceCollection AddRoutes(this IServiceCollection services, IReadOnlyList<CommandRoute> commands, IReadOnlyList<VerbRoute> verbs)
    {
        if (commands.GroupBy(r => r.Handler).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ConfigurationException($"Routes.Commands lists {twice.Key.Name} twice.");
        if (verbs.GroupBy(r => r.Verb).FirstOrDefault(g => g.Count() > 1) is { } verb)
            throw new ConfigurationException($"Routes.Verbs lists card verb '{verb.Key}' twice.");
        var registered = services.Select(d => d.ServiceType).ToHashSet();
        if (registered.Contains(typeof(ICommandHandler)) || registered.Contains(typeof(ICardActionHandler)))
            throw new ConfigurationException("A feature registers ICommandHandler or ICardActionHandler itself; only Routes does.");
        var cardHandlers = verbs.Select(r => r.Handler).Distinct().ToList();
        foreach (var type in commands.Select(r => r.Handler).Concat(cardHandlers).Where(t => !registered.Contains(t)))
            throw new ConfigurationException($"Routes lists {type.Name}, but no feature registers it.");
        foreach (var type in registered)
        {
            if (typeof(ICommandHandler).IsAssignableFrom(type) && commands.All(r => r.Handler != type))
                throw new ConfigurationException($"{type.Name} is a registered command handler with no row in Routes.Commands.");
            if (typeof(ICardActionHandler).IsAssignableFrom(type) && !cardHandlers.Contains(type))
                throw new ConfigurationException($"{type.Name} is a registered card handler with no verb in Routes.Verbs.");
        }
        foreach (var route in commands) services.AddSingleton(sp => (ICommandHandler)sp.GetRequiredService(route.Handler));
        foreach (var type in cardHandlers) services.AddSingleton(sp => (ICardActionHandler)sp.GetRequiredService(type));
        services.AddSingleton<RouteTable>();
        services.AddSingleton<TurnRouter>();
        services.AddHostedService<RouteCheck>();
        return services;
    }
}
