using Microsoft.Data.Sqlite;

namespace EditBot.Storage.Sqlite;

/// <summary>
/// One open connection with its per-connection pragmas applied once and its statements cached: a prepared
/// SQLite statement lives as long as its command, so reusing commands saves a parse on every call.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteSession(string connectionString, int busyTimeoutMs)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
        // WAL lets readers run beside the one writer; NORMAL skips the fsync per commit (WAL stays consistent).
        Execute($"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    }

    public SqliteConnection Connection { get; }

    /// <summary>A cached command for this text, with its parameters cleared.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = Reused(sql);
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// A cached command for this text with the parameters of its last use still in place, for hot statements
    /// whose binders set every value by position (saves creating dozens of parameter objects per call).
    /// </summary>
    public SqliteCommand Reused(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
#pragma warning disable CA2100 // Statement texts are constants of this assembly; values are always bound as parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            _commands[sql] = command;
        }

        return command;
    }

    public int Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
