using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>
/// Loads the week files as start-up does (errors name file, line and field). Without a file the weeks are set up in Teams,
/// which needs at least one admin in <c>Office:Admins</c>; the database itself is the running bot's and is not opened here.
/// </summary>
public sealed class WeekFileCheck : ICheck
{
    public string NameKey => "check_name_week";

    public Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct)
    {
        IReadOnlyList<WeekSeeding.SeedFile> files;
        OfficeAdmins admins;
        try
        {
            files = WeekSeeding.LoadFiles(context.Configuration);
        }
        catch (ConfigurationException ex)
        {
            return Task.FromResult(CheckResult.Fail(ex.Message, context.T("check_week_fix"), KeyOf(ex.Message, context.Configuration)));
        }
        try
        {
            admins = OfficeAdmins.From(context.Configuration);
        }
        catch (ConfigurationException ex)
        {
            return Task.FromResult(CheckResult.Fail(ex.Message, context.T("check_admins_fix"), "Office:Admins"));
        }
        if (files.FirstOrDefault(f => !f.Archived) is not { } active)
        {
            return Task.FromResult(admins.People.Count > 0
                ? CheckResult.Pass(context.T("check_week_teams", admins.People.Count, files.Count))
                : CheckResult.Fail(context.T("check_week_none"), context.T("check_week_none_fix"), "Office:Admins"));
        }
        var d = active.Week;
        return Task.FromResult(CheckResult.Pass(context.T("check_week_ok", d.Title, d.Start, d.End, d.Departments.Count, files.Count - 1)));
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
