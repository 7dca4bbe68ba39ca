using System.ComponentModel.DataAnnotations;

namespace EditBot.Core.Engine;

/// <summary>The <c>Engine</c> section: how the durable job worker claims, retries, polls and stops.</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>This process's lease owner name; unique per process so two instances never share leases.</summary>
    [Required]
    public string WorkerId { get; set; } = DefaultWorkerId();

    /// <summary>Jobs whose step may run at the same time in this process.</summary>
    [Range(1, 4096)]
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>
    /// How long a claim holds a job without renewal. Renewed every quarter of it while a step runs (however long the
    /// step), so it bounds only how late another instance takes over the jobs of one that died: at most this plus
    /// <see cref="IdleDelay"/> (20 s + 1 s by default). Shorter means faster takeover and more renewal writes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Most jobs claimed in one store round trip.</summary>
    [Range(1, 1000)]
    public int ClaimBatch { get; set; } = 32;

    /// <summary>How long an idle worker waits before looking for due work again; an enqueue wakes it at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Status polls per second for the whole process, shared by all waiting jobs.</summary>
    [Range(0.1, 10000)]
    public double PollBudgetPerSecond { get; set; } = 20;

    /// <summary>Polls this process may make in a burst above the steady budget.</summary>
    [Range(1, 10000)]
    public int PollBurst { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many seconds of extra expected detection delay one saved poll is worth. Larger polls less often;
    /// the adaptive policy spends its polls where a result is most likely to appear. The default spends about a fifth
    /// of the polls of fixed 1 s polling (see the <c>polling</c> load program); 0.06 s matches fixed 2 s polling's delay
    /// with fewer polls.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollCost { get; set; } = TimeSpan.FromSeconds(0.4);

    /// <summary>Growth of the poll interval per poll once a job runs past the expected p95 duration.</summary>
    [Range(1.0, 4.0)]
    public double TailBackoffFactor { get; set; } = 1.5;

    /// <summary>A job not finished this long after its submission fails with TimedOut.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan MaxJobDuration { get; set; } = TimeSpan.FromMinutes(20);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan StepBackoffBase { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan StepBackoffCap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Consecutive transient failures of one step before the job fails (Unavailable, FetchFailed or DeliveryFailed).</summary>
    [Range(1, 100)]
    public int MaxTransientAttempts { get; set; } = 6;

    /// <summary>Resubmits allowed after the remote queue failed a request for a rate limit.</summary>
    [Range(0, 10)]
    public int MaxRateLimitResubmits { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RateLimitResubmitPause { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a job held back by paused submissions looks again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PausedRecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most jobs of one requester (JobOrigin.RequesterKey) between Preparing and Delivering at once; 0 = no cap.
    /// Further queued jobs of that requester wait their turn, so one person's batch cannot hold every worker.
    /// </summary>
    [Range(0, 1000)]
    public int MaxRunningPerRequester { get; set; }

    /// <summary>How long a job held back by <see cref="MaxRunningPerRequester"/> waits before looking again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RunningCapRecheck { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long in-flight steps may run on after shutdown begins; keep it below the host's shutdown timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    private static string DefaultWorkerId() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
