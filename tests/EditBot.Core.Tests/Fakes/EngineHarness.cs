using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.TestSupport.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Core.Tests.Fakes;

/// <summary>
/// The real engine (AddEditBotCore) over the in-memory stores, the scripted backend and a fake clock.
/// <see cref="RunUntilSettledAsync"/> drives it deterministically: one claim round, then the clock jumps to
/// the job's next due time.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public EngineHarness(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Jobs = new InMemoryJobStore(Time);
        Blobs = new InMemoryBlobStore(Time, Jobs);
        var values = new Dictionary<string, string?>
        {
            ["Engine:WorkerId"] = "worker-a",
            ["Engine:StepBackoffBase"] = "00:00:02",
            ["Engine:StepBackoffCap"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IJobStore>(Jobs);
        services.AddSingleton<IBlobStore>(Blobs);
        services.AddSingleton<Backend.IEditBackend>(Backend);
        services.AddSingleton<IJobDelivery>(Delivery);
        services.AddSingleton<IJobObserver>(Observer);
        configure?.Invoke(services);
        services.AddEditBotCore(configuration);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public InMemoryJobStore Jobs { get; }
    public InMemoryBlobStore Blobs { get; }
    public ScriptedBackend Backend { get; } = new();
    public RecordingDelivery Delivery { get; } = new();
    public RecordingObserver Observer { get; } = new();
    public ServiceProvider Services { get; }
    public JobService JobService => Services.GetRequiredService<JobService>();
    public JobWorker Worker => Services.GetRequiredService<JobWorker>();
    public IEngineStatus Status => Services.GetRequiredService<IEngineStatus>();

    public static EditRequest Request(string imageBlob, string? maskBlob = null, int count = 1) =>
        new("make the sky purple", imageBlob, maskBlob, "1024x1024", "medium", count);

    public async Task<Job> EnqueueAsync(bool needsApproval = false, bool withMask = false, int count = 1, string kind = "test")
    {
        var image = await Blobs.PutAsync("png-bytes"u8.ToArray(), "image/png", CancellationToken.None);
        var mask = withMask ? await Blobs.PutAsync("mask-bytes"u8.ToArray(), "image/png", CancellationToken.None) : null;
        var origin = new JobOrigin(kind, "discord:1", "guild:2", "{}");
        return await JobService.EnqueueAsync(Request(image, mask, count), origin, needsApproval, CancellationToken.None);
    }

    public async Task<Job> GetAsync(Guid id) => (await Jobs.GetAsync(id, CancellationToken.None))!;

    public async Task<IReadOnlyList<JobEvent>> EventsAsync(Guid id) => await Jobs.GetEventsAsync(id, CancellationToken.None);

    /// <summary>Runs claim rounds, jumping the clock to each next due time, until the job ends or <paramref name="until"/> holds.</summary>
    public async Task<Job> RunUntilSettledAsync(Guid id, Func<Job, bool>? until = null, int maxRounds = 500)
    {
        for (var round = 0; round < maxRounds; round++)
        {
            await Worker.RunDueOnceAsync(CancellationToken.None);
            var job = await GetAsync(id);
            if (job.IsTerminal || (until?.Invoke(job) ?? false))
            {
                return job;
            }

            var due = job.LeaseOwner is not null && job.LeaseUntil is { } lease ? lease : job.NextAttemptAt;
            var now = Time.GetUtcNow();
            Time.Advance(due is { } at && at > now ? at - now : TimeSpan.FromMilliseconds(1));
        }

        throw new TimeoutException($"Job {id} did not settle in {maxRounds} rounds.");
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
