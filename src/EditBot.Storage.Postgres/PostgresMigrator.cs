using EditBot.Core.Storage;
using Npgsql;

namespace EditBot.Storage.Postgres;

/// <summary>
/// Applies the embedded Migrations/NNNN_name.sql steps in order, each once, in one transaction that first takes
/// a transaction-scoped advisory lock: instances starting together queue here instead of racing the DDL.
/// </summary>
internal static class PostgresMigrator
{
    private const string ResourcePrefix = "EditBot.Storage.Postgres.Migrations.";

    // Arbitrary constant naming "EditBot schema migrations" among advisory locks.
    private const long MigrationLockKey = 0x45646974426F74;

    public static IReadOnlyList<MigrationStep> Steps { get; } =
        MigrationStep.LoadEmbedded(typeof(PostgresMigrator).Assembly, ResourcePrefix);

    /// <summary>Brings the schema up to <paramref name="targetVersion"/>; returns how many steps ran.</summary>
    public static async Task<int> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken, int targetVersion = int.MaxValue)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
        int current;
        await using (var select = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection))
        {
            current = Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var applied = 0;
        foreach (var step in Steps.Where(s => s.Version > current && s.Version <= targetVersion))
        {
            await ExecuteAsync(connection, step.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES (@v, @n)", connection);
            record.Parameters.AddWithValue("v", step.Version);
            record.Parameters.AddWithValue("n", step.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied++;
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Constants and embedded migration scripts of this assembly.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
