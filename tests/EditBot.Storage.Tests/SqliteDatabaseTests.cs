using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Storage.Tests;

/// <summary>What is particular to the SQLite file: reopening, migrations, several openers, registration.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("editbot-sqlite-").FullName;
    private readonly FakeTimeProvider _time = new(TestJobs.T0);

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "editbot.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Reopening_the_file_keeps_everything_and_does_not_rerun_migrations()
    {
        var job = TestJobs.Full();
        string blobId;
        using (var first = new SqliteDatabase(ConnectionString, _time))
        {
            await new SqliteJobStore(first).InsertAsync(job, TestJobs.Created(job), CancellationToken.None);
            blobId = await new SqliteBlobStore(first).PutAsync(new byte[] { 9, 8, 7 }, "image/webp", CancellationToken.None);
            await new SqliteKeyValueStore(first).SetAsync("bot", "commands-hash", "abc", CancellationToken.None);
            Assert.Equal(SqliteMigrator.Steps.Count, first.MigrationsApplied);
        }

        using var reopened = new SqliteDatabase(ConnectionString, _time);
        var read = await new SqliteJobStore(reopened).GetAsync(job.Id, CancellationToken.None);

        Assert.Equal(0, reopened.MigrationsApplied);
        Assert.Equal(job.ResultBlobs, read!.ResultBlobs);
        Assert.Equal(job.RemoteRequestId, read.RemoteRequestId);
        Assert.Single(await new SqliteJobStore(reopened).GetEventsAsync(job.Id, CancellationToken.None));
        Assert.Equal([9, 8, 7], (await new SqliteBlobStore(reopened).GetAsync(blobId, CancellationToken.None))!.Content);
        Assert.Equal("abc", await new SqliteKeyValueStore(reopened).GetAsync("bot", "commands-hash", CancellationToken.None));
        Assert.Equal(SqliteMigrator.Steps.Count, CountRows("schema_version"));
    }

    [Fact]
    public async Task A_file_at_an_older_schema_version_is_migrated_on_open_and_keeps_its_jobs()
    {
        var job = TestJobs.New();
        using (var old = new SqliteSession(ConnectionString, 1000))
        {
            Assert.Equal(1, SqliteMigrator.Apply(old, 0, targetVersion: 1));
            var insert = old.Command(SqliteJobSql.Insert);
            SqliteJobRow.Bind(insert, job, 1);
            insert.ExecuteNonQuery();
        }

        using var database = new SqliteDatabase(ConnectionString, _time);
        var read = await new SqliteJobStore(database).GetAsync(job.Id, CancellationToken.None);
        var blob = await new SqliteBlobStore(database).PutAsync(new byte[] { 1 }, "image/png", CancellationToken.None);

        Assert.Equal(SqliteMigrator.Steps.Count - 1, database.MigrationsApplied);
        Assert.Equal(job.Id, read?.Id);
        Assert.NotNull(await new SqliteBlobStore(database).GetAsync(blob, CancellationToken.None));
        Assert.Equal(SqliteMigrator.Steps.Count, CountRows("schema_version"));
    }

    [Fact]
    public async Task Jobs_that_shared_one_remote_request_before_it_had_to_be_unique_keep_it_on_the_earliest_job()
    {
        var earlier = TestJobs.New() with { RemoteRequestId = "req-shared" };
        var later = TestJobs.New() with { RemoteRequestId = "req-shared", CreatedAt = earlier.CreatedAt.AddSeconds(5) };
        using (var old = new SqliteSession(ConnectionString, 1000))
        {
            Assert.Equal(2, SqliteMigrator.Apply(old, 0, targetVersion: 2));
            foreach (var job in new[] { later, earlier })
            {
                var insert = old.Command(SqliteJobSql.Insert);
                SqliteJobRow.Bind(insert, job, 1);
                insert.ExecuteNonQuery();
            }
        }

        using var database = new SqliteDatabase(ConnectionString, _time);
        var store = new SqliteJobStore(database);

        Assert.Equal("req-shared", (await store.GetAsync(earlier.Id, CancellationToken.None))!.RemoteRequestId);
        Assert.Equal($"req-shared-shared-{SqliteJobRow.Key(later.Id)}", (await store.GetAsync(later.Id, CancellationToken.None))!.RemoteRequestId);
        Assert.Equal(earlier.Id, (await store.FindByRemoteRequestIdAsync("req-shared", CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task Several_instances_opening_a_new_file_at_once_apply_each_migration_once()
    {
        var databases = Enumerable.Range(0, 4).Select(_ => new SqliteDatabase(ConnectionString, _time)).ToList();
        try
        {
            await Task.WhenAll(databases.Select(d => Task.Run(() => new SqliteKeyValueStore(d).ListAsync("x", CancellationToken.None))));

            Assert.Equal(SqliteMigrator.Steps.Count, databases.Sum(d => d.MigrationsApplied));
            Assert.Equal(SqliteMigrator.Steps.Count, CountRows("schema_version"));
        }
        finally
        {
            databases.ForEach(d => d.Dispose());
        }
    }

    [Fact]
    public async Task Registration_provides_the_three_stores_over_one_file()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddEditBotSqliteStorage(ConnectionString);
        await using (var provider = services.BuildServiceProvider())
        {
            var job = TestJobs.New();
            await provider.GetRequiredService<IJobStore>().InsertAsync(job, TestJobs.Created(job), CancellationToken.None);
            await provider.GetRequiredService<IKeyValueStore>().SetAsync("s", "k", "v", CancellationToken.None);
            await provider.GetRequiredService<IBlobStore>().PutAsync(new byte[] { 1 }, "image/png", CancellationToken.None);
            Assert.Same(provider.GetRequiredService<IJobStore>(), provider.GetRequiredService<IJobStore>());
        }

        Assert.Equal(1, CountRows("jobs"));
        Assert.Equal(1, CountRows("blobs"));
        Assert.Equal(1, CountRows("key_values"));
    }

    [Fact]
    public async Task An_in_memory_database_works_through_its_single_connection()
    {
        await using var database = new SqliteDatabase("Data Source=:memory:", _time);
        var jobs = new SqliteJobStore(database);
        var job = TestJobs.New();

        await jobs.InsertAsync(job, TestJobs.Created(job), CancellationToken.None);
        var claimed = await jobs.ClaimDueAsync("w", TestJobs.T0, TimeSpan.FromMinutes(1), 5, null, CancellationToken.None);

        Assert.Equal(job.Id, Assert.Single(claimed).Id);
        Assert.Equal("w", (await jobs.GetAsync(job.Id, CancellationToken.None))?.LeaseOwner);
    }

    // Old code: the lease ran from the caller's clock (T0 + 5 min), losing the minute the claim spent queued.
    [Fact]
    public async Task A_claim_queued_behind_the_writer_is_leased_from_when_the_writer_runs_it()
    {
        await using var database = new SqliteDatabase(ConnectionString, _time);
        var jobs = new SqliteJobStore(database);
        var job = TestJobs.New();
        await jobs.InsertAsync(job, TestJobs.Created(job), CancellationToken.None);

        // Hold the single writer, queue the claim behind it, and let a minute pass before the writer gets to it.
        using var writing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var hold = database.WriteAsync(_ => { writing.Set(); return release.Wait(TimeSpan.FromSeconds(30)); }, CancellationToken.None);
        Assert.True(writing.Wait(TimeSpan.FromSeconds(30)), "the writer picked up the hold");
        var claim = jobs.ClaimDueAsync("w", _time.GetUtcNow(), TimeSpan.FromMinutes(5), 1, null, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        release.Set();

        Assert.True(await hold);
        Assert.Equal(TestJobs.T0.AddMinutes(6), Assert.Single(await claim).LeaseUntil);
    }

    [Fact]
    public async Task A_write_cancelled_before_it_runs_is_not_applied()
    {
        await using var database = new SqliteDatabase(ConnectionString, _time);
        var settings = new SqliteKeyValueStore(database);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => settings.SetAsync("s", "k", "v", new CancellationToken(canceled: true)));

        Assert.Null(await settings.GetAsync("s", "k", CancellationToken.None));
    }

    [Fact]
    public async Task A_write_that_throws_inside_a_group_commit_is_rolled_back_alone()
    {
        await using var database = new SqliteDatabase(ConnectionString, _time);
        var settings = new SqliteKeyValueStore(database);
        using var gate = new ManualResetEventSlim();
        // Holding the writer makes the next writes queue up and commit as one batch.
        var holder = database.WriteAsync(_ => gate.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None);
        var first = settings.SetAsync("s", "a", "1", CancellationToken.None);
        var failing = database.WriteAsync<int>(
            s =>
            {
                s.Execute("INSERT INTO key_values (scope, key, value) VALUES ('s', 'b', '2')");
                throw new InvalidOperationException("boom");
            },
            CancellationToken.None);
        var last = settings.SetAsync("s", "c", "3", CancellationToken.None);
        gate.Set();

        await Task.WhenAll(holder, first, last);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        Assert.Equal("boom", error.Message);
        Assert.Equal(["a", "c"], (await settings.ListAsync("s", CancellationToken.None)).Keys.Order());
    }

    private long CountRows(string table)
    {
        using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)count.ExecuteScalar()!;
    }
}
