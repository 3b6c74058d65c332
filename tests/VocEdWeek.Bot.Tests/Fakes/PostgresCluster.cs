using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// One private PostgreSQL cluster per test run, started on first use: initdb into a fresh temporary folder, listening on
/// 127.0.0.1 on a free port (its socket in that folder too), trust for local connections only, fsync off. Stopped and
/// removed when the test process exits. Each test class takes a fresh database from <see cref="CreateDatabaseAsync"/>.
/// Without PostgreSQL installed the tests that need it fail, saying so: CI installs it (test.sh).
/// </summary>
public static class PostgresCluster
{
    private static readonly Lazy<Task<Running>> Cluster = new(() => Task.Run(Start));
    private static int _databases;

    /// <summary>
    /// Off for tests (fsync and synchronous commit off: fast, and a test never outlives a crash). The storage benchmark
    /// sets it before its first database, so its commits reach the disk as on a real server.
    /// </summary>
    public static bool Durable { get; set; }

    /// <summary>A new, empty database on the cluster; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var cluster = await Cluster.Value;
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        await using (var command = cluster.Admin.CreateCommand($"CREATE DATABASE {name}"))
            await command.ExecuteNonQueryAsync();
        // A small pool per database: many test classes share one cluster's connection limit.
        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name, MaxPoolSize = 10 }.ConnectionString;
    }

    private sealed record Running(string ConnectionString, NpgsqlDataSource Admin);

    private static Running Start()
    {
        var bin = BinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb from `pg_config --bindir` or in /usr/lib/postgresql/*/bin); "
            + "these tests need it: install the Debian package postgresql (test.sh does).");
        var root = new TempDir().Path;
        var asRoot = Environment.UserName == "root";
        // PostgreSQL refuses to run as root: then the cluster belongs to the postgres user.
        if (asRoot) Run("chown", ["-R", "postgres:", root]);
        var data = Path.Combine(root, "data");
        StopWhenThisProcessEnds(Path.Combine(bin, "pg_ctl"), data, root, asRoot);
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        File.WriteAllText(Path.Combine(data, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        var port = FreePort();
        var fast = Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {root}{fast} -c max_connections=300";
        Run(Path.Combine(bin, "pg_ctl"), ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(root, "postgres.log"), "-o", options], asRoot);
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        return new Running(connectionString, NpgsqlDataSource.Create(connectionString));
    }

    /// <summary>
    /// A detached shell that outlives this process by at most a second: it stops the cluster and removes its folder once
    /// the test process is gone, however it ended (the test host may be killed before exit handlers finish).
    /// </summary>
    private static void StopWhenThisProcessEnds(string pgCtl, string data, string root, bool asRoot)
    {
        var stop = asRoot ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; "
            + $"{stop} stop -D '{data}' -m immediate; rm -rf '{root}'";
        using var reaper = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]))!;
    }

    private static string? BinDirectory()
    {
        string? fromConfig = null;
        try { fromConfig = Run("pg_config", ["--bindir"]).Trim(); } catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        var candidates = new[] { fromConfig }.Concat(Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")) : []);
        return candidates.FirstOrDefault(d => d is not null && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a tool to its end (as the postgres user when asked); its output, or an exception with it.</summary>
    private static string Run(string file, string[] args, bool asPostgres = false)
    {
        var psi = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}{stdout}");
        return stdout;
    }
}
