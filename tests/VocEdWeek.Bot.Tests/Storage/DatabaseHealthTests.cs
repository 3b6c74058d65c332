using System.Net;
using System.Net.Sockets;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage;

/// <summary>The readiness check's question to each database: yes when it answers, a plain no (naming no path or host) when not.</summary>
public sealed class DatabaseHealthTests(PgTestDatabase database) : IClassFixture<PgTestDatabase>
{
    [Fact]
    public void An_open_LiteDB_file_answers_and_a_closed_one_does_not_naming_no_path()
    {
        using var dir = new TempDir();
        var db = new BotDatabase(new StorageOptions { Directory = dir.Path });
        var health = new LiteDbHealth(db);

        Assert.True(health.Ask().Answers);
        db.Dispose();
        var closed = health.Ask();

        Assert.False(closed.Answers);
        Assert.DoesNotContain(dir.Path, closed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PostgreSQL_server_answers_SELECT_1()
    {
        Assert.Equal(new DatabaseAnswer(true, "PostgreSQL answers."), new PgHealth(database.Fresh()).Ask());
    }

    [Fact]
    public void A_server_nobody_listens_on_does_not_answer_and_the_answer_names_no_host()
    {
        // A port just given back by the system: nothing listens there, so the connection is refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var db = new PgDatabase($"Host=127.0.0.1;Port={port};Database=nowhere;Username=nobody;Password=secret-word;Pooling=false");

        var answer = new PgHealth(db).Ask();

        Assert.False(answer.Answers);
        Assert.DoesNotContain("127.0.0.1", answer.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", answer.Detail, StringComparison.Ordinal);
    }
}
