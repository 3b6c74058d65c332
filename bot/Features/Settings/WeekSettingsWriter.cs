using System.Text;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// "导出活动周设置": the week as the week file (<see cref="WeekJson"/>, the format <c>Week:DefinitionFile</c> reads), with every
/// change made in Teams — so it can be kept, read, or used to set the week up on another server.
/// </summary>
public sealed class WeekSettingsWriter : IExportWriter
{
    public ExportKind Kind => ExportKind.WeekSettings;

    public string Extension => ".json";

    public string FileStem(ActiveWeek week, Strings t) => t.Format("settings_export_stem", week.Definition.Title, week.Definition.Id);

    public async Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct)
    {
        var bytes = new UTF8Encoding(false).GetBytes(WeekJson.Write(week.Definition));
        await output.WriteAsync(bytes, ct);
    }
}
