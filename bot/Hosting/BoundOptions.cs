using Microsoft.Extensions.Options;

namespace VocEdWeek.Bot.Hosting;

public static class BoundOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>, checks it when the host starts (a problem is one
    /// sentence naming the key; Program prints it and exits with 2) and registers the value itself, so consumers keep
    /// taking <typeparamref name="T"/> in their constructors.
    /// </summary>
    public static IServiceCollection AddBoundOptions<T>(this IServiceCollection services, string section, Func<T, string?>? problem = null)
        where T : class
    {
        var builder = services.AddOptions<T>().BindConfiguration(section);
        services.AddSingleton<IValidateOptions<T>>(new Sentence<T>(problem));
        builder.ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>For a wait between rounds of work: zero would spin, a negative one throws inside the worker.</summary>
    public static string? Positive(string key, TimeSpan value) =>
        value > TimeSpan.Zero ? null : $"{key} must be a positive time span like 00:00:30; got {value}.";

    /// <summary>For a count the work needs at least one of (parallel sends, attempts, jobs per round).</summary>
    public static string? AtLeastOne(string key, int value) => value >= 1 ? null : $"{key} must be at least 1; got {value}.";

    /// <summary>The failure is the sentence itself, not the framework's "validation failed for members …".</summary>
    private sealed class Sentence<T>(Func<T, string?>? problem) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problem?.Invoke(options) is { } sentence ? ValidateOptionsResult.Fail(sentence) : ValidateOptionsResult.Success;
    }
}
