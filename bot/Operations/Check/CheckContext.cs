using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Operations.Check;

/// <summary>
/// What every check sees: the bot's own configuration and environment, the services the protocol layer registered
/// (token source, HTTP clients, clocks), the texts in <c>Office:Locale</c>, and the Teams app package if one was given.
/// </summary>
public sealed class CheckContext(IConfiguration configuration, IHostEnvironment environment, IServiceProvider services, Strings texts, string? manifestPath)
{
    public IConfiguration Configuration { get; } = configuration;
    public IHostEnvironment Environment { get; } = environment;
    public IServiceProvider Services { get; } = services;
    public Strings Texts { get; } = texts;
    public string? ManifestPath { get; } = manifestPath;

    /// <summary>For the check's own requests (/healthz, the login host's Date); tests trust their local certificates here.</summary>
    public HttpClient Http() => Services.GetRequiredService<IHttpClientFactory>().CreateClient(CheckCommand.HttpClientName);

    public string T(string key, params object?[] args) => args.Length == 0 ? Texts[key] : Texts.Format(key, args);
}
