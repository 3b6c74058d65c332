using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>Wraps whichever writers are registered so they start only when a gate opens: a slow export, on demand.</summary>
public sealed class GatedWriter(IExportWriter inner, Task gate) : IExportWriter
{
    public ExportKind Kind => inner.Kind;

    public string Extension => inner.Extension;

    public string FileStem(ActiveWeek week, Strings t) => inner.FileStem(week, t);

    public async Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        await inner.WriteAsync(week, t, output, ct);
    }

    public static void Wrap(IServiceCollection services, Task gate)
    {
        var writers = services.Where(d => d.ServiceType == typeof(IExportWriter)).ToList();
        foreach (var d in writers)
        {
            services.Remove(d);
            services.AddSingleton<IExportWriter>(sp => new GatedWriter(
                d.ImplementationInstance as IExportWriter
                ?? d.ImplementationFactory?.Invoke(sp) as IExportWriter
                ?? (IExportWriter)ActivatorUtilities.CreateInstance(sp, d.ImplementationType!), gate));
        }
    }
}
