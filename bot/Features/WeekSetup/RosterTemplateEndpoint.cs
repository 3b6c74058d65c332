using VocEdWeek.Bot.Features.WeekSetup.RosterImport;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>GET /setup/roster-template.xlsx: the blank liaison list. It holds no one's data, so it needs no signed link.</summary>
public static class RosterTemplateEndpoint
{
    public const string Path = "/setup/roster-template.xlsx";
    private static readonly Lazy<byte[]> Bytes = new(RosterTemplate.Build);

    public static WebApplication MapRosterTemplate(this WebApplication app)
    {
        app.MapGet(Path, () => Results.File(Bytes.Value, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "职业教育活动周联络员名单模板.xlsx"));
        return app;
    }
}
