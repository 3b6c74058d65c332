using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// Files an admin sends without words (e.g. the liaison list right after creating a week, as the bot asked): a sheet goes
/// to the roster preview, a notice to a new week's draft. Both only preview; nothing changes until confirmed.
/// </summary>
public sealed class OfficeFiles(RosterImportHandler roster, NewWeekHandler newWeek) : IOfficeFileHandler
{
    public async Task<bool> TryTakeAsync(TurnContext turn, Member? member, CancellationToken ct)
    {
        if (member is not { Role: Role.Admin } || turn.Files.Count != 1) return false;
        var file = turn.Files[0];
        if (RosterImportHandler.SheetFile(file.Name))
        {
            await roster.PreviewAsync(turn, file, ct);
            return true;
        }
        if (!NewWeekHandler.NoticeFile(file.Name)) return false;
        await newWeek.FromFileAsync(turn, file, ct);
        return true;
    }
}
