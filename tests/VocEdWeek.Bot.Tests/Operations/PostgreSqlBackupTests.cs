using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Operations.Backup;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.UploadPage;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>
/// On PostgreSQL the records are the database server's to back up: the bot opens no LiteDB file (so takes no folder
/// lock and publishes no <c>operations.json</c>), <c>POST /ops/backup</c> is not there, and the <c>backup</c> and
/// <c>restore</c> commands say what to use instead rather than copying a file that does not exist. Always on PostgreSQL.
/// </summary>
public sealed class PostgreSqlBackupTests
{
    private static async Task<Dictionary<string, string?>> OnPostgreSqlAsync() => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["ConnectionStrings:VocEdWeek"] = await PostgresCluster.CreateDatabaseAsync(),
    };

    [Fact]
    public async Task A_bot_on_PostgreSQL_on_a_real_socket_offers_no_LiteDB_backup_and_holds_no_LiteDB_file()
    {
        await using var world = await UploadWorld.StartAsync(await OnPostgreSqlAsync());
        Assert.Null(world.Services.GetService<BotDatabase>());
        Assert.Null(world.Services.GetService<ControlPublisher>());

        // The bot is up and answering (a daily-report form in a liaison's chat goes through the PostgreSQL stores).
        Assert.NotEmpty(await world.SayAsync("日报"));
        using var backup = new HttpRequestMessage(HttpMethod.Post, BackupEndpoint.Path);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Http.SendAsync(backup)).StatusCode);
        var left = Directory.Exists(world.DataDirectory) ? Directory.EnumerateFiles(world.DataDirectory).Select(Path.GetFileName).ToList() : [];
        Assert.DoesNotContain(ControlFile.FileName, left);
        Assert.DoesNotContain(StorageLock.FileName, left);
        Assert.DoesNotContain("vocedweek.db", left);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task The_commands_name_the_database_tools_and_touch_nothing(string command)
    {
        using var scratch = new TempDir();
        var folder = Path.Combine(scratch.Path, "target");
        var data = Path.Combine(scratch.Path, "data");
        var settings = await OnPostgreSqlAsync();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await OperationsCommand.RunAsync(
            [command, folder, .. settings.Select(s => $"--{s.Key}={s.Value}"), $"--Storage:Directory={data}"], output, error);

        Assert.Equal(2, exit);
        Assert.Equal("", output.ToString());
        var said = error.ToString();
        Assert.Contains("Storage:Provider is PostgreSql", said);
        Assert.Contains("pg_dump", said);
        Assert.Contains(data, said);
        Assert.False(Directory.Exists(folder));
        Assert.False(Directory.Exists(data));
    }
}
