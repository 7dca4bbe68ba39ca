using System.Globalization;
using EditBot.Core.Storage;

namespace EditBot.Storage.Sqlite;

/// <summary>
/// Applies the embedded Migrations/NNNN_name.sql steps in order, each once. The whole run holds the database
/// write lock (BEGIN IMMEDIATE), so two processes opening the same file cannot apply a step twice.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "EditBot.Storage.Sqlite.Migrations.";

    public static IReadOnlyList<MigrationStep> Steps { get; } =
        MigrationStep.LoadEmbedded(typeof(SqliteMigrator).Assembly, ResourcePrefix);

    /// <summary>Brings the schema up to <paramref name="targetVersion"/>; returns how many steps ran.</summary>
    public static int Apply(SqliteSession session, long nowUnixMs, int targetVersion = int.MaxValue)
    {
        session.Execute("BEGIN IMMEDIATE");
        try
        {
            session.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            var current = Convert.ToInt32(session.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version").ExecuteScalar(), CultureInfo.InvariantCulture);
            var applied = 0;
            foreach (var step in Steps.Where(s => s.Version > current && s.Version <= targetVersion))
            {
                using (var command = session.Connection.CreateCommand())
                {
#pragma warning disable CA2100 // Embedded migration scripts of this assembly.
                    command.CommandText = step.Sql;
#pragma warning restore CA2100
                    command.ExecuteNonQuery();
                }

                var record = session.Command("INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @at)");
                record.Parameters.AddWithValue("@v", step.Version);
                record.Parameters.AddWithValue("@n", step.Name);
                record.Parameters.AddWithValue("@at", nowUnixMs);
                record.ExecuteNonQuery();
                applied++;
            }

            session.Execute("COMMIT");
            return applied;
        }
        catch
        {
            session.Execute("ROLLBACK");
            throw;
        }
    }
}
