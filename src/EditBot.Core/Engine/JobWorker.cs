using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Engine;

/// <summary>
/// Claims due jobs and runs their steps with bounded concurrency. Waiting jobs cost nothing here: they are rows
/// with a due time. On shutdown it stops claiming, lets running steps finish within the shutdown timeout, then
/// gives every lease back so a restart picks the jobs up at once.
/// </summary>
public sealed partial class JobWorker : BackgroundService
{
    private readonly IJobStore _jobs;
    private readonly JobRunner _runner;
    private readonly LeaseKeeper _leases;
    private readonly EngineStatus _status;
    private readonly WorkSignal _signal;
    private readonly EngineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<JobWorker> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _abortSteps = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private volatile bool _stopping;
    private readonly string[] _deliverableKinds;

    internal JobWorker(
        IJobStore jobs,
        JobRunner runner,
        LeaseKeeper leases,
        EngineStatus status,
        WorkSignal signal,
        IOptions<EngineOptions> options,
        TimeProvider timeProvider,
        ILogger<JobWorker> logger,
        IEnumerable<IJobDelivery> deliveries)
    {
        _jobs = jobs;
        _runner = runner;
        _leases = leases;
        _status = status;
        _signal = signal;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        // Only jobs this process can deliver: a verb without Discord never pays for an edit it could not hand over.
        _deliverableKinds = deliveries.Select(d => d.Kind).Distinct(StringComparer.Ordinal).ToArray();
    }

    public override void Dispose()
    {
        _slots.Dispose();
        _abortSteps.Dispose();
        base.Dispose();
    }

    /// <summary>One claim round, awaited to the end of every claimed job's run (tests drive the engine with it).</summary>
    internal async Task<int> RunDueOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await _jobs.ClaimDueAsync(ClaimOwner.New(_options.WorkerId), _timeProvider.GetUtcNow(), _options.LeaseDuration, _options.ClaimBatch, _deliverableKinds, cancellationToken);
        await Task.WhenAll(claimed.Select(job => _runner.RunAsync(job, () => _stopping, cancellationToken)));
        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(_logger, _options.WorkerId, _options.MaxConcurrency);
        // Running jobs must see shutdown at once, not when the claim loop next looks, or they start another step.
        using var stopRegistration = stoppingToken.Register(() => _stopping = true);
        using var keeperStop = new CancellationTokenSource();
        var keeper = _leases.RunAsync(keeperStop.Token);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await ClaimAndStartAsync(stoppingToken) == 0)
                {
                    await _signal.WaitAsync(_options.IdleDelay, _timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            await DrainAsync();
            await keeperStop.CancelAsync();
            await keeper;
        }
    }

    private async Task<int> ClaimAndStartAsync(CancellationToken stoppingToken)
    {
        await _slots.WaitAsync(stoppingToken);
        var free = 1;
        while (free < _options.ClaimBatch && _slots.Wait(0, CancellationToken.None))
        {
            free++;
        }

        IReadOnlyList<Job> claimed;
        // Read before the claim: the store measures the lease from its write, so a step here that stops by this
        // deadline never outlives it (when the clocks agree), however long the claim took.
        var claimedAt = _timeProvider.GetUtcNow();
        try
        {
            claimed = await _jobs.ClaimDueAsync(ClaimOwner.New(_options.WorkerId), claimedAt, _options.LeaseDuration, free, _deliverableKinds, stoppingToken);
        }
        catch (Exception error)
        {
            _slots.Release(free);
            if (error is OperationCanceledException && stoppingToken.IsCancellationRequested)
            {
                throw;
            }

            LogClaimFailed(_logger, error);
            return 0;
        }

        if (claimed.Count < free)
        {
            _slots.Release(free - claimed.Count);
        }

        foreach (var job in claimed)
        {
            Interlocked.Increment(ref _running);
            _ = RunOneAsync(job, claimedAt + _options.LeaseDuration);
        }

        return claimed.Count;
    }

    private async Task RunOneAsync(Job job, DateTimeOffset leaseDeadline)
    {
        var owner = job.LeaseOwner ?? _options.WorkerId;
        var leaseLost = _leases.Hold(job.Id, owner, leaseDeadline);
        _status.StepStarted();
        try
        {
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(_abortSteps.Token, leaseLost);
            await _runner.RunAsync(job, () => _stopping, abort.Token);
        }
        finally
        {
            _leases.Let(job.Id, owner);
            _status.StepEnded();
            _slots.Release();
            if (Interlocked.Decrement(ref _running) == 0 && _stopping)
            {
                _drained.TrySetResult();
            }
        }
    }

    private async Task DrainAsync()
    {
        _stopping = true;
        if (Volatile.Read(ref _running) == 0)
        {
            return;
        }

        LogDraining(_logger, Volatile.Read(ref _running), _options.ShutdownTimeout);
        try
        {
            await _drained.Task.WaitAsync(_options.ShutdownTimeout, _timeProvider);
            return;
        }
        catch (TimeoutException)
        {
            // Steps still running past the timeout are aborted; each gives its lease back as it unwinds.
            await _abortSteps.CancelAsync();
        }

        try
        {
            await _drained.Task.WaitAsync(TimeSpan.FromSeconds(5), _timeProvider);
        }
        catch (TimeoutException)
        {
            LogAbandoned(_logger, Volatile.Read(ref _running));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {WorkerId} started ({MaxConcurrency} concurrent steps)")]
    private static partial void LogStarted(ILogger logger, string workerId, int maxConcurrency);

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming jobs failed; retrying after the idle delay")]
    private static partial void LogClaimFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: waiting up to {Timeout} for {Running} running job steps")]
    private static partial void LogDraining(ILogger logger, int running, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Running} job steps did not stop; their leases will lapse")]
    private static partial void LogAbandoned(ILogger logger, int running);
}
