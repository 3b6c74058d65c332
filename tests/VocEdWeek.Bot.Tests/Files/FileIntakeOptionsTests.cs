using Microsoft.Extensions.Configuration;
using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Tests.Files;

/// <summary>The <c>Files</c> section: the overall download limit grows with the size; a wrong value is one sentence naming its key.</summary>
public sealed class FileIntakeOptionsTests
{
    [Fact]
    public void The_overall_limit_is_the_base_plus_time_per_MiB_and_an_unknown_size_counts_as_the_largest()
    {
        var options = new FileIntakeOptions { MaxBytes = 1024L * 1024 * 1024 };
        Assert.Equal(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5 * 100), options.OverallTimeout(100L * 1024 * 1024));
        Assert.Equal(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5 * 1024), options.OverallTimeout(null));
    }

    [Theory]
    [InlineData("Files:IdleTimeout", "soon", "Files:IdleTimeout")]
    [InlineData("Files:IdleTimeout", "00:00:00", "Files:IdleTimeout")]
    [InlineData("Files:MaxFilesPerMessage", "0", "Files:MaxFilesPerMessage")]
    [InlineData("Files:MaxParallelDownloads", "1000", "Files:MaxParallelDownloads")]
    [InlineData("Files:MaxBytes", "-1", "Files:MaxBytes")]
    public void A_wrong_value_names_its_key(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var ex = Assert.Throws<ConfigurationException>(() => FileIntakeOptions.From(configuration));
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }
}
