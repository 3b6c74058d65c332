using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Tests.Hosting;

/// <summary>Issue 12: options are bound from their section and checked when the host starts, in one sentence naming the key.</summary>
public sealed class BoundOptionsTests
{
    private static ServiceProvider Outbox(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOutbox(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void A_section_binds_into_the_object_consumers_take()
    {
        using var provider = Outbox(new() { ["Outbox:MaxAttempts"] = "3", ["Outbox:PollInterval"] = "00:00:01" });

        var options = provider.GetRequiredService<OutboxOptions>();

        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PollInterval);
        Assert.Equal(8, options.MaxParallel);
    }

    [Fact]
    public void A_bad_value_fails_with_one_sentence_naming_the_key()
    {
        using var provider = Outbox(new() { ["Outbox:MaxParallel"] = "0" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<OutboxOptions>());

        Assert.Equal(["Outbox:MaxParallel must be at least 1; got 0."], ex.Failures);
    }

    [Fact]
    public async Task The_real_bot_refuses_a_bad_option_in_one_sentence_with_exit_code_2()
    {
        var (exitCode, stderr) = await Fakes.BotProcess.RunUntilItStopsAsync(new() { ["Scheduling__TickInterval"] = "00:00:00" });

        Assert.Equal(2, exitCode);
        Assert.Equal("VocEdWeek.Bot cannot start: Scheduling:TickInterval must be a positive time span like 00:00:30; got 00:00:00.", stderr);
    }
}
