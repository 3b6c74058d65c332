namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// The outcome of reading an uploaded file: a <see cref="Sheet"/>, or why the file as a whole could not be read
/// (<see cref="FailureKey"/> is a text key in <c>rosterimport.*.json</c>).
/// </summary>
public sealed record RosterRead(RosterSheet? Sheet, string? FailureKey)
{
    public const string WrongType = "roster_file_wrong_type";
    public const string Corrupt = "roster_file_corrupt";
    public const string NoHeader = "roster_file_no_header";
    public const string NoEmailColumn = "roster_file_no_email_column";
    public const string NoRows = "roster_file_no_rows";
    public const string TooLarge = "roster_file_too_large";

    public static RosterRead Ok(RosterSheet sheet) => new(sheet, null);

    public static RosterRead Fail(string key) => new(null, key);
}
