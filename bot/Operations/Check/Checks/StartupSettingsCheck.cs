using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Handlers;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>
/// Registers the bot's services exactly as Program does (nothing is started), so every setting the bot validates at
/// start-up is validated here too — reminders, digests, exports, uploads — and a refusal is the bot's own sentence.
/// </summary>
public sealed class StartupSettingsCheck : ICheck
{
    public string NameKey => "check_name_settings";

    public Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct)
    {
        var services = new ServiceCollection();
        // SharePoint reads the environment from the registrations (Production refuses anonymous Graph).
        services.AddSingleton(context.Environment);
        try
        {
            services.AddBotApp(context.Configuration);
        }
        catch (ConfigurationException ex)
        {
            return Task.FromResult(CheckResult.Fail(context.T("check_settings_refused", ex.Message), context.T("check_settings_fix"), SettingNames.In(ex.Message)));
        }
        return Task.FromResult(CheckResult.Pass(context.T("check_settings_ok")));
    }
}
