using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EditBot.TestSupport.Postgres;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for tests: initdb into a fresh temp folder, started by pg_ctl on a free
/// loopback port with its unix socket in that folder and fsync off; stopped and deleted on dispose. As root
/// (initdb refuses root) the binaries run as the <c>postgres</c> system user.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly string _root;
    private readonly ProcessRunner _runner;
    private int _databases;

    private PostgresCluster(string root, int port, ProcessRunner runner)
    {
        _root = root;
        Port = port;
        _runner = runner;
        ConnectionString = ConnectionStringFor("postgres");
    }

    public int Port { get; }

    /// <summary>Connects to the maintenance database <c>postgres</c> as superuser.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")) || !File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed ({BinDirectory}/initdb and pg_ctl are missing). Install the Debian package postgresql-15 (apt-get install -y postgresql-15).");
        }

        var runner = ProcessRunner.ForCurrentUser();
        var root = Path.Combine(Path.GetTempPath(), "editbot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        await runner.GiveAwayAsync(root, cancellationToken);
        var data = Path.Combine(root, "data");
        var port = FreeLoopbackPort();
        try
        {
            await runner.RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], cancellationToken);
            var settings = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            await runner.RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(root, "server.log"), "-w", "-t", "120", "start"], cancellationToken);
        }
        catch
        {
            await StopAndDeleteAsync(runner, root);
            throw;
        }

        return new PostgresCluster(root, port, runner);
    }

    /// <summary>Creates a new empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var safe = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());
        var name = $"{safe}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAndDeleteAsync(_runner, _root);
    }

    private string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Timeout = 60,
        CommandTimeout = 120,
    }.ConnectionString;

    private static async Task StopAndDeleteAsync(ProcessRunner runner, string root)
    {
        var data = Path.Combine(root, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await runner.RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }

        Directory.Delete(root, recursive: true);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
