using EditBot.CommandLine;
using EditBot.Composition;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Imaging.Intake;
using EditBot.Origin;
using EditBot.TestSupport.Gmi;
using EditBot.Verbs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EditBot.Tests.Support;

/// <summary>
/// The real engine host (as the <c>edit</c> and <c>work</c> verbs build it) on a temporary SQLite file, talking to
/// a fake GMI queue over loopback. Timings are shrunk by configuration so fault tests finish in seconds. (The engine's
/// own tests use EditBot.Core.Tests' EngineHarness instead: Core alone, in-memory stores, a scripted backend and a
/// fake clock. This one proves the composition, the SQLite store and the GMI client around the same engine.)
/// </summary>
public sealed class EngineHostHarness : IAsyncDisposable
{
    private IHost? _host;

    private EngineHostHarness(FakeGmiServer gmi, string folder)
    {
        Gmi = gmi;
        Folder = folder;
    }

    public FakeGmiServer Gmi { get; }

    public string Folder { get; }

    public string OutputFolder => Path.Combine(Folder, "out");

    public IHost Host => _host ?? throw new InvalidOperationException("Start the harness first.");

    public JobService Jobs => Host.Services.GetRequiredService<JobService>();

    public IJobStore Store => Host.Services.GetRequiredService<IJobStore>();

    public static async Task<EngineHostHarness> StartAsync(Action<FakeGmiServer>? configureGmi = null, IDictionary<string, string>? settings = null)
    {
        var gmi = new FakeGmiServer { Duration = FakeGmiServer.OneSecond }; // fast jobs: the suite's pace, not GMI's
        configureGmi?.Invoke(gmi);
        await gmi.StartAsync();
        var harness = new EngineHostHarness(gmi, Directory.CreateTempSubdirectory("editbot-engine-").FullName);
        harness._host = EngineHost.Build(harness.Arguments(settings), [RequiredSetting.GmiApiKey], Serilog.Events.LogEventLevel.Warning);
        await harness._host.StartAsync();
        return harness;
    }

    /// <summary>The settings a bot under test needs: fake GMI, this folder's SQLite file, fast timings.</summary>
    public static Dictionary<string, string> Settings(FakeGmiServer gmi, string folder) => new()
    {
        ["Gmi:BaseUrl"] = gmi.BaseUrl,
        ["Gmi:ApiKey"] = FakeGmiServer.DefaultApiKey,
        ["Gmi:RetryBaseDelay"] = "00:00:00.050",
        ["Gmi:RetryMaxDelay"] = "00:00:01",
        ["Gmi:RequestTimeout"] = "00:00:05",
        ["Downloads:AllowedHosts:0"] = gmi.Host,
        ["Downloads:AllowPrivateAddresses"] = "true",
        ["Downloads:RetryBaseDelay"] = "00:00:00.050",
        ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "editbot.db")}",
        ["Engine:IdleDelay"] = "00:00:00.050",
        ["Engine:MinPollInterval"] = "00:00:00.100",
        ["Engine:MaxPollInterval"] = "00:00:00.300",
        ["Engine:StepBackoffBase"] = "00:00:00.050",
        ["Engine:StepBackoffCap"] = "00:00:00.500",
        ["Engine:RateLimitResubmitPause"] = "00:00:00.200",
        ["Engine:LeaseDuration"] = "00:00:05",
    };

    public async Task<Job> EnqueueAsync(string prompt, int count = 1, string quality = "low", byte[]? image = null)
    {
        var intake = Host.Services.GetRequiredService<ImageIntake>();
        var blobs = Host.Services.GetRequiredService<IBlobStore>();
        var prepared = Assert.IsType<PreparedEdit>(await intake.PrepareAsync(image ?? TestImages.Png(64, 48)));
        var imageBlob = await blobs.PutAsync(prepared.Image, prepared.MediaType, CancellationToken.None);
        var request = new EditRequest(prompt, imageBlob, null, $"{prepared.Size.Width}x{prepared.Size.Height}", quality, count);
        return await Jobs.EnqueueAsync(request, JobOrigins.ForCli(OutputFolder), needsApproval: false, CancellationToken.None);
    }

    /// <summary>Waits until the job is terminal (failing the test after <paramref name="timeout"/>) and returns it.</summary>
    public async Task<Job> WaitForEndAsync(Guid jobId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var job = await Jobs.GetAsync(jobId, CancellationToken.None);
            if (job is { IsTerminal: true })
            {
                return job;
            }

            await Task.Delay(50);
        }

        var last = await Jobs.GetAsync(jobId, CancellationToken.None);
        var events = await Jobs.GetEventsAsync(jobId, CancellationToken.None);
        throw new TimeoutException($"Job {jobId} still {last?.State} after the timeout. Events:\n{string.Join("\n", events.Select(e => $"{e.At:HH:mm:ss.fff} {e.From}->{e.To} {e.Reason}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await Gmi.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying child process; the temp folder is cleaned by the OS later.
        }
    }

    private string[] Arguments(IDictionary<string, string>? overrides)
    {
        var settings = Settings(Gmi, Folder);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
    }
}
