using System.Text.Json;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.WeekSetup.Notice;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// "新建活动周" / "new week" from an admin, with the notice pasted after the words or sent as a file (.docx, .txt, .pdf with
/// a text layer): the notice is read into a draft, kept on the server, and shown as an editable card; nothing is created
/// until the admin confirms it (<see cref="CreateWeekHandler"/>).
/// </summary>
public sealed class NewWeekHandler(
    SetupFiles files, ISetupPendingStore pending, WeekDraftCard card, WeekSetupOptions options, WeekCatalog weeks, TimeProvider time)
    : ICommandHandler, IFileCommand
{
    public Access Access => Access.Admin;

    public bool Matches(CommandText text, TurnContext turn) => SetupWords.NewWeekNotice(turn.Text) is not null;

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (turn.Files.FirstOrDefault(f => NoticeFile(f.Name)) is { } file)
        {
            await FromFileAsync(turn, file, ct);
            return;
        }
        if (turn.Files.Count > 0)
        {
            await turn.ReplyAsync(t.Format("setup_notice_wrong_file", turn.Files[0].Name), ct);
            return;
        }
        await DraftAsync(turn, SetupWords.NewWeekNotice(turn.Text) ?? "", t["setup_source_text"], ct);
    }

    /// <summary>The notice as a file (also one sent without words): its text, then the draft.</summary>
    public async Task FromFileAsync(TurnContext turn, IncomingFile file, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var (bytes, failure) = await files.FetchAsync(file, ct);
        if (bytes is null)
        {
            await turn.ReplyAsync(t.Format(failure!, file.Name), ct);
            return;
        }
        var read = NoticeText.Extract(bytes, file.Name);
        if (!read.Succeeded)
        {
            await turn.ReplyAsync(t.Format(read.ErrorKey!, file.Name), ct);
            return;
        }
        await DraftAsync(turn, read.Text!, file.Name, ct);
    }

    /// <summary>Reads <paramref name="notice"/> and shows its draft (also for a notice file sent without words).</summary>
    public async Task DraftAsync(TurnContext turn, string notice, string source, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (string.IsNullOrWhiteSpace(notice))
        {
            await turn.ReplyAsync(t["setup_notice_usage"], ct);
            return;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var draft = NoticeParser.Parse(notice, new NoticeParseOptions { WorkdayEnd = options.WorkdayEnd, Today = today });
        var saved = pending.Add(SetupPending.WeekKind, JsonSerializer.Serialize(draft, WeekJson.Options), source, turn.User.AadObjectId ?? turn.User.Id);
        await Reply.CardAsync(turn, card.Render(saved.Id, draft, source, weeks.Latest, error: null, t), t["setup_draft_title"], ct);
    }

    public static bool NoticeFile(string name) => Path.GetExtension(name).ToLowerInvariant() is ".docx" or ".txt" or ".pdf";
}
