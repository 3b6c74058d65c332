using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>Loads the active and archived weeks with the bot's own <see cref="WeekCatalog"/>: its errors name file, line and field.</summary>
public sealed class WeekFileCheck : ICheck
{
    public string NameKey => "check_name_week";

    public Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct)
    {
        WeekCatalog catalog;
        try
        {
            catalog = new WeekCatalog(context.Configuration);
        }
        catch (ConfigurationException ex)
        {
            return Task.FromResult(CheckResult.Fail(ex.Message, context.T("check_week_fix"), KeyOf(ex.Message, context.Configuration)));
        }
        if (catalog.Active is not { } week)
            return Task.FromResult(CheckResult.Fail(context.T("check_week_none"), context.T("check_week_none_fix"), "Week:DefinitionFile"));
        var d = week.Definition;
        return Task.FromResult(CheckResult.Pass(context.T("check_week_ok", d.Title, d.Start, d.End, d.Departments.Count, catalog.All.Count - 1)));
    }

    /// <summary>The sentence names the file at fault: the active week's, or else an archived one.</summary>
    private static string KeyOf(string message, IConfiguration configuration)
    {
        var active = configuration["Week:DefinitionFile"];
        var aboutActive = !string.IsNullOrWhiteSpace(active)
            && (message.Contains($"'{active}'", StringComparison.Ordinal) || message.StartsWith($"Week file {Path.GetFileName(active)},", StringComparison.Ordinal));
        return aboutActive ? "Week:DefinitionFile" : "Week:ArchiveFiles";
    }
}
