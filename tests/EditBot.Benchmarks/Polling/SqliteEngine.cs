using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EditBot.Benchmarks.Polling;

/// <summary>The real engine over a fresh SQLite file and the instant backend, for the engine load programs.</summary>
public sealed class SqliteEngine : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("editbot-load-").FullName;

    public SqliteEngine(InstantBackend backend, IDictionary<string, string?>? settings = null)
    {
        Backend = backend;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEditBotSqliteStorage($"Data Source={Path.Combine(_directory, "load.db")}");
        services.AddSingleton<Core.Backend.IEditBackend>(backend);
        services.AddSingleton<IJobDelivery>(Delivery);
        services.AddEditBotCore(configuration);
        Services = services.BuildServiceProvider();
    }

    public InstantBackend Backend { get; }

    public DiscardingDelivery Delivery { get; } = new();

    public ServiceProvider Services { get; }

    public JobService Jobs => Services.GetRequiredService<JobService>();

    public IJobStore Store => Services.GetRequiredService<IJobStore>();

    public IHostedService Worker => Services.GetRequiredService<JobWorker>();

    public async Task EnqueueAsync(int count, CancellationToken cancellationToken)
    {
        var image = await Services.GetRequiredService<IBlobStore>().PutAsync(new byte[] { 1, 2, 3 }, "image/png", cancellationToken);
        var origin = new JobOrigin("load", "load:1", null, "{}");
        var request = new EditRequest("load test", image, null, "1024x1024", "medium", 1);
        for (var i = 0; i < count; i++)
        {
            await Jobs.EnqueueAsync(request, origin, needsApproval: false, cancellationToken);
        }
    }

    public Task<int> CountAsync(JobState state, CancellationToken cancellationToken) =>
        Store.CountAsync(new JobQuery { States = [state] }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
