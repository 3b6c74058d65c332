using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.App;

/// <summary>
/// <see cref="Routes"/> made real: the command handlers in matching order and the card handlers by verb. Built once at
/// start-up (<see cref="RouteCheck"/>); a row whose handler declares other access or other verbs stops the start.
/// </summary>
public sealed class RouteTable
{
    private readonly IReadOnlyDictionary<string, ICardActionHandler> _actions;

    public RouteTable(IEnumerable<ICommandHandler> commands, IEnumerable<ICardActionHandler> actions)
        : this(commands, actions, Routes.Commands, Routes.Verbs)
    {
    }

    public RouteTable(IEnumerable<ICommandHandler> commands, IEnumerable<ICardActionHandler> actions,
        IReadOnlyList<CommandRoute> commandRoutes, IReadOnlyList<VerbRoute> verbRoutes)
    {
        Commands = commands.ToList();
        foreach (var (handler, route) in Commands.Zip(commandRoutes))
        {
            if (handler.GetType() != route.Handler) throw new ConfigurationException($"Routes.Commands lists {route.Handler.Name} where {handler.GetType().Name} is registered.");
            Agree(handler.GetType(), handler.Access, route.Access);
        }
        var byVerb = new Dictionary<string, ICardActionHandler>(StringComparer.Ordinal);
        foreach (var handler in actions)
        {
            var listed = verbRoutes.Where(r => r.Handler == handler.GetType()).ToList();
            var declared = handler.Verbs.ToHashSet(StringComparer.Ordinal);
            if (!declared.SetEquals(listed.Select(r => r.Verb)))
                throw new ConfigurationException($"Routes.Verbs lists other verbs for {handler.GetType().Name} than it declares ({string.Join(", ", declared)}).");
            foreach (var route in listed)
            {
                Agree(handler.GetType(), handler.Access, route.Access);
                byVerb.Add(route.Verb, handler);
            }
        }
        _actions = byVerb;
    }

    /// <summary>Every command handler, in the order of <see cref="Routes.Commands"/>.</summary>
    public IReadOnlyList<ICommandHandler> Commands { get; }

    public ICardActionHandler? Action(string verb) => _actions.GetValueOrDefault(verb);

    /// <summary>The first row after <paramref name="command"/> that takes the words; null when none does.</summary>
    public ICommandHandler? After(ICommandHandler command, CommandText text, TurnContext turn) =>
        Commands.SkipWhile(c => !ReferenceEquals(c, command)).Skip(1).FirstOrDefault(c => c.Matches(text, turn));

    private static void Agree(Type handler, Access declared, Access listed)
    {
        if (declared != listed) throw new ConfigurationException($"Routes gives {handler.Name} access {listed}, but the handler declares {declared}.");
    }
}
