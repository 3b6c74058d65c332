namespace VocEdWeek.Bot.Scheduling;

/// <summary>A slot that has been dealt with (run, or missed beyond its grace); its key is never run again.</summary>
public sealed class SlotRecord
{
    public string Id { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime At { get; set; }
    public DateTime RecordedAt { get; set; }
    public bool Missed { get; set; }
    public string Result { get; set; } = "";
}
