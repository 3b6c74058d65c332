using System.Text.Json;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.WeekSetup.RosterImport;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Store;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// "导入名单" / "import roster" from an admin with the liaison list (.xlsx or .csv): read, checked, compared with the week's
/// roster and shown as a preview; nothing changes until the admin confirms (<see cref="RosterApplyHandler"/>).
/// "名单模板" / "roster template" gives the blank template. The week is the active one (or the latest, between weeks).
/// </summary>
public sealed class RosterImportHandler(
    SetupFiles files, ISetupPendingStore pending, RosterPreviewCard card, WeekCatalog weeks, IWeekStore store, LinkSigner links)
    : ICommandHandler, IFileCommand
{
    public Access Access => Access.Admin;

    public bool Matches(CommandText text, TurnContext turn) => SetupWords.IsImport(text) || SetupWords.IsTemplate(text);

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (SetupWords.IsTemplate(text))
        {
            await turn.ReplyAsync(t.Format("import_template_link", TemplateUrl), ct);
            return;
        }
        if (turn.Files.FirstOrDefault(f => SheetFile(f.Name)) is not { } file)
        {
            await turn.ReplyAsync(turn.Files.Count > 0
                ? t.Format("import_wrong_file", turn.Files[0].Name, TemplateUrl)
                : t.Format("import_usage", TemplateUrl), ct);
            return;
        }
        await PreviewAsync(turn, file, ct);
    }

    public string TemplateUrl => links.Url(RosterTemplateEndpoint.Path);

    /// <summary>Reads <paramref name="file"/> and shows its preview against the week's roster (also for a sheet sent without words).</summary>
    public async Task PreviewAsync(TurnContext turn, IncomingFile file, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if ((weeks.Active ?? weeks.Latest) is not { } week)
        {
            await turn.ReplyAsync(t["import_no_week"], ct);
            return;
        }
        var (bytes, failure) = await files.FetchAsync(file, ct);
        if (bytes is null)
        {
            await turn.ReplyAsync(t.Format(failure!, file.Name), ct);
            return;
        }
        var read = RosterFile.Read(bytes, file.Name);
        if (read.Sheet is not { } sheet)
        {
            await turn.ReplyAsync(t.Format(read.FailureKey!, file.Name) + "\n\n" + t.Format("import_template_link", TemplateUrl), ct);
            return;
        }
        var preview = RosterPreview.Compare(week.Definition.Departments, sheet);
        var revision = store.Find(week.Definition.Id)?.Revision ?? 0;
        var payload = JsonSerializer.Serialize(preview.ToDepartments(), WeekJson.Options);
        var saved = pending.Add(SetupPending.RosterKind, payload, file.Name, turn.User.AadObjectId ?? turn.User.Id, week.Definition.Id, revision);
        await Reply.CardAsync(turn, card.Render(saved.Id, preview, file.Name, week, t), t["import_title"], ct);
    }

    public static bool SheetFile(string name) => Path.GetExtension(name).ToLowerInvariant() is ".xlsx" or ".csv";
}
