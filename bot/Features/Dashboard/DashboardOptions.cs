namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary><c>Dashboard</c> section (the link's lifetime is <c>Links:DashboardLinkLifetime</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>Newest photos shown in the gallery; the page says how many more there are.</summary>
    public int GalleryPhotos { get; set; } = 60;

    /// <summary>Newest videos listed (as links: to SharePoint when uploaded, else played from the bot).</summary>
    public int ListedVideos { get; set; } = 30;

    /// <summary>How often an open page fetches fresh data (0 = never).</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(5);
}
