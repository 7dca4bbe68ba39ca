using EditBot.Storage.Postgres;
using Npgsql;

namespace EditBot.Storage.Tests;

/// <summary>PostgreSQL schema upgrades, on this class's own database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task A_database_at_an_older_schema_version_is_migrated_on_first_use_and_once_only()
    {
        var connectionString = await fixture.DatabaseForAsync(GetType());
        var job = TestJobs.New();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            Assert.Equal(1, await PostgresMigrator.ApplyAsync(connection, CancellationToken.None, targetVersion: 1));
            await using var insert = new NpgsqlCommand(PostgresJobSql.Insert, connection);
            PostgresJobRow.Bind(insert, job, 1);
            await insert.ExecuteNonQueryAsync();
        }

        await using var first = new PostgresDatabase(connectionString, TimeProvider.System);
        await using var second = new PostgresDatabase(connectionString, TimeProvider.System);
        var read = await new PostgresJobStore(first).GetAsync(job.Id, CancellationToken.None);
        await new PostgresKeyValueStore(second).SetAsync("s", "k", "v", CancellationToken.None);

        Assert.Equal(job.Id, read?.Id);
        Assert.Equal(PostgresMigrator.Steps.Count - 1, first.MigrationsApplied);
        Assert.Equal(0, second.MigrationsApplied);
        Assert.Equal("v", await new PostgresKeyValueStore(first).GetAsync("s", "k", CancellationToken.None));
    }
}
