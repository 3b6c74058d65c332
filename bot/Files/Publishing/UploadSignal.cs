using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Files.Publishing;

/// <summary>Wakes the SharePoint upload worker when a file is stored or a retry is asked for.</summary>
public sealed class UploadSignal : WakeSignal;
