namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>The plain text of a notice file, or why it could not be read (a localization key, see <see cref="NoticeKeys"/>).</summary>
public sealed record NoticeTextResult
{
    private NoticeTextResult(string? text, string? errorKey)
    {
        Text = text;
        ErrorKey = errorKey;
    }

    public string? Text { get; }

    public string? ErrorKey { get; }

    public bool Succeeded => Text is not null;

    public static NoticeTextResult Read(string text) => new(text, null);

    public static NoticeTextResult Failed(string errorKey) => new(null, errorKey);
}
