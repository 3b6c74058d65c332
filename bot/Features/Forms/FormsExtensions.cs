namespace VocEdWeek.Bot.Features.Forms;

public static class FormsExtensions
{
    /// <summary>What the four forms share: who may fill in, the cards, item files, the flow and the "fill in / edit" button.</summary>
    public static IServiceCollection AddForms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FormAccess>();
        services.AddSingleton<ReceiptHistory>();
        services.AddSingleton<FormCards>();
        services.AddSingleton<ItemFiles>();
        services.AddSingleton<FormFlow>();
        services.AddSingleton<FormOpenHandler>();
        return services;
    }
}
