using Microsoft.Extensions.Logging;

namespace EditBot.Core.Engine;

/// <summary>Holds the submission pause and the in-flight count; shared by the worker, its steps and health checks.</summary>
internal sealed partial class EngineStatus(WorkSignal signal, TimeProvider timeProvider, ILogger<EngineStatus> logger) : IEngineStatus
{
    private readonly Lock _gate = new();
    private string? _reason;
    private DateTimeOffset? _since;
    private int _inFlight;

    public bool SubmissionsPaused
    {
        get
        {
            lock (_gate)
            {
                return _reason is not null;
            }
        }
    }

    public string? PauseReason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    public DateTimeOffset? PausedSince
    {
        get
        {
            lock (_gate)
            {
                return _since;
            }
        }
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    public void PauseSubmissions(string reason)
    {
        lock (_gate)
        {
            if (_reason is not null)
            {
                return;
            }

            _reason = reason;
            _since = timeProvider.GetUtcNow();
        }

        LogPaused(logger, reason);
    }

    public void ResumeSubmissions()
    {
        lock (_gate)
        {
            if (_reason is null)
            {
                return;
            }

            _reason = null;
            _since = null;
        }

        LogResumed(logger);
        signal.Notify();
    }

    public void StepStarted() => Interlocked.Increment(ref _inFlight);

    public void StepEnded() => Interlocked.Decrement(ref _inFlight);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Submissions paused: the API refused our configuration ({Reason}). Fix the Gmi settings, then resume or restart.")]
    private static partial void LogPaused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submissions resumed")]
    private static partial void LogResumed(ILogger logger);
}
