using EditBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RegistrationTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task Postgres_registration_provides_the_three_stores_over_one_database()
    {
        var connectionString = await fixture.DatabaseForAsync(GetType());
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(TestJobs.T0)).AddEditBotPostgresStorage(connectionString);
        await using var provider = services.BuildServiceProvider();
        var job = TestJobs.New();

        await provider.GetRequiredService<IJobStore>().InsertAsync(job, TestJobs.Created(job), CancellationToken.None);
        var blob = await provider.GetRequiredService<IBlobStore>().PutAsync(new byte[] { 1, 2 }, "image/png", CancellationToken.None);
        await provider.GetRequiredService<IKeyValueStore>().SetAsync("s", "k", "v", CancellationToken.None);

        Assert.Equal(job.Id, (await provider.GetRequiredService<IJobStore>().GetAsync(job.Id, CancellationToken.None))?.Id);
        Assert.Equal([1, 2], (await provider.GetRequiredService<IBlobStore>().GetAsync(blob, CancellationToken.None))?.Content);
        Assert.Equal("v", await provider.GetRequiredService<IKeyValueStore>().GetAsync("s", "k", CancellationToken.None));
    }

    [Fact]
    public void Blob_retention_registration_adds_the_hosted_sweep()
    {
        var services = new ServiceCollection().AddLogging().AddEditBotSqliteStorage("Data Source=:memory:").AddEditBotBlobRetention();
        using var provider = services.BuildServiceProvider();

        Assert.Contains(provider.GetServices<IHostedService>(), s => s is BlobRetentionService);
    }
}
