using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace VocEdWeek.Bot.Tests.GoLive;

/// <summary>
/// A configuration source that serves fixed values and records every key anyone looks up in it. Added last, it is
/// asked first (the configuration root asks its providers newest first), so it sees every lookup the bot makes.
/// </summary>
internal sealed class RecordingConfigurationSource(IReadOnlyDictionary<string, string?> values) : IConfigurationSource
{
    private readonly IReadOnlyDictionary<string, string?> _values = values;
    private readonly ConcurrentDictionary<string, byte> _asked = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every key looked up (configuration keys are case-insensitive, as on App Service's environment).</summary>
    public bool WasAsked(string key) => _asked.ContainsKey(key);

    public int AskedCount => _asked.Count;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this);

    private sealed class Provider(RecordingConfigurationSource source) : ConfigurationProvider
    {
        public override void Load()
        {
            foreach (var (k, v) in source._values) Data[k] = v;
        }

        public override bool TryGet(string key, out string? value)
        {
            source._asked.TryAdd(key, 0);
            return base.TryGet(key, out value);
        }
    }
}
