namespace VocEdWeek.Bot.Features.Exports;

/// <summary>One generated export file: what, which week, who asked, when, where it is kept and how big it is.</summary>
public sealed class ExportRecord
{
    public string Id { get; set; } = "";
    public ExportKind Kind { get; set; }
    public string WeekId { get; set; } = "";
    public string WeekTitle { get; set; } = "";
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string RequestedByName { get; set; } = "";
    public string RequestedByTeamsId { get; set; } = "";
    public string? RequestedByAadObjectId { get; set; }
    public ExportStorage Storage { get; set; }
    /// <summary>Local: the file store location. SharePoint: the drive item id.</summary>
    public string Location { get; set; } = "";
    /// <summary>SharePoint: the item's webUrl (the link on the card). Local files get signed download links instead.</summary>
    public string? WebUrl { get; set; }
    /// <summary>SharePoint is configured but refused the file, so it was kept locally.</summary>
    public bool FellBackToLocal { get; set; }
    /// <summary>Local: when housekeeping deleted the file (its keep time was over).</summary>
    public DateTime? LocalDeletedAt { get; set; }
}

public enum ExportStorage
{
    Local,
    SharePoint,
}
