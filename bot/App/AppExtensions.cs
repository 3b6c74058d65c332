using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.App;

public static class AppExtensions
{
    public static IServiceCollection AddBotApp(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BotDatabase>();
        services.AddSingleton<ConversationStore>();
        var cardsDir = configuration["Cards:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "cards");
        services.AddSingleton(new CardTemplates(cardsDir));
        services.AddSingleton<ITurnHandler, BotTurnHandler>();
        return services;
    }
}
