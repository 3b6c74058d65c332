using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// One department's own view of the week, for its liaison: every item with this department's standing and deadline,
/// and its own newest photos and videos. Nothing of any other department is in here.
/// </summary>
public sealed record DepartmentData(
    ActiveWeek Week,
    Department Department,
    DateTimeOffset Now,
    IReadOnlyList<(DepartmentProgress Standing, DateTimeOffset Deadline)> Items,
    int Photos,
    int Videos,
    IReadOnlyList<MediaRecord> Gallery,
    IReadOnlyList<MediaRecord> VideoList)
{
    /// <summary>Built from the same progress snapshot as the whole dashboard, then cut to one department.</summary>
    public static DepartmentData Build(ActiveWeek week, Department department, ProgressService progress, IMediaStore media, DashboardOptions options)
    {
        var snapshot = progress.ForWeek(week);
        var items = week.Calendar.Items.Select(item => (snapshot.Department(department, item), snapshot.Item(item).Deadline)).ToList();
        // Through the department index: the other departments' records are never read.
        var stored = media.OfDepartment(week.Definition.Id, department.Id).Where(m => m.State == MediaState.Stored)
            .OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal).ToList();
        var photos = stored.Where(m => m.Kind == MediaKind.Photo).ToList();
        var videos = stored.Where(m => m.Kind == MediaKind.Video).ToList();
        return new DepartmentData(week, department, snapshot.Now, items, photos.Count, videos.Count,
            photos.Take(Math.Max(0, options.GalleryPhotos)).ToList(), videos.Take(Math.Max(0, options.ListedVideos)).ToList());
    }
}
