namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// Whether files sent in the chat reach the bot. In the China (21Vianet) cloud they never do, so the welcome
/// and help tell liaisons to use the upload page for photos and videos instead.
/// </summary>
public sealed record ChatFileReach(bool ReachesBot)
{
    public static ChatFileReach From(IConfiguration configuration) =>
        new(!string.Equals(configuration["Cloud"], "China", StringComparison.OrdinalIgnoreCase));
}
