using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using VocEdWeek.Bot.Operations.Metrics;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>
/// Listens to the VocEdWeek.Bot meter of ONE bot (the meter its own <see cref="IMeterFactory"/> made), so bots of
/// other tests running at the same time do not mix in.
/// </summary>
public sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();

    public MetricCapture(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BotMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var (k, v) in tags) copy[k] = v?.ToString();
        Measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, copy));
    }

    public sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, string?> Tags);
}
