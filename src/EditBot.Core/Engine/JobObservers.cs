using EditBot.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace EditBot.Core.Engine;

/// <summary>Tells every registered <see cref="IJobObserver"/> of a persisted change; an observer's failure is logged, never fatal.</summary>
internal sealed partial class JobObservers(IEnumerable<IJobObserver> observers, ILogger<JobObservers> logger)
{
    private readonly IJobObserver[] _observers = observers.ToArray();

    public async ValueTask NotifyAsync(Job job, JobEvent change, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnJobChangedAsync(job, change, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogObserverFailed(logger, error, observer.GetType().Name, job.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Observer {Observer} failed for job {JobId}")]
    private static partial void LogObserverFailed(ILogger logger, Exception error, string observer, Guid jobId);
}
