using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// What one dashboard page shows, computed for one request: the progress snapshot's items (statuses come from
/// <see cref="ProgressService"/>, the same as the office cards and the digest), the report day the totals are about,
/// text counts and media counts, the newest photos and the newest videos, the typical cases (newest day first) and
/// what the office picked of them (★).
/// </summary>
public sealed record DashboardData(
    WeekProgress Snapshot,
    IReadOnlyList<ItemProgress> Items,
    ItemProgress? ReportDay,
    bool ReportDayIsToday,
    int Cases,
    int Stories,
    int Photos,
    int Videos,
    IReadOnlyList<MediaRecord> Gallery,
    IReadOnlyList<MediaRecord> VideoList,
    IReadOnlyList<DashboardCase> CaseList,
    PickMarks Marks)
{
    public ActiveWeek Week => Snapshot.Week;

    public DateOnly Today => Week.Calendar.LocalDate(Snapshot.Now);

    public ItemProgress Of(ItemKind kind) => Items.First(i => i.Item.Kind == kind);

    public int MorePhotos => Photos - Gallery.Count;

    public int MoreVideos => Videos - VideoList.Count;
}
