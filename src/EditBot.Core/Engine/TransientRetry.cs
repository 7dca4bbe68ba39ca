using EditBot.Common.Retry;
using EditBot.Core.Jobs;

namespace EditBot.Core.Engine;

/// <summary>One policy for every step's transient failures: back off and count, then fail with the step's code.</summary>
internal sealed class TransientRetry(EngineOptions options)
{
    private readonly Backoff _backoff = new(options.StepBackoffBase, options.StepBackoffCap);

    /// <param name="job">The job as it should be saved if retried (e.g. with the submit intent cleared).</param>
    /// <param name="exhaustedCode">The failure once <see cref="EngineOptions.MaxTransientAttempts"/> is reached.</param>
    /// <param name="what">The step in words, e.g. "Submitting".</param>
    public StepResult RetryOrFail(Job job, FailureCode exhaustedCode, string what, string error, TimeSpan? retryAfter, DateTimeOffset now)
    {
        var attempts = job.Attempts + 1;
        if (attempts >= options.MaxTransientAttempts)
        {
            return JobChanges.Fail(job, exhaustedCode, $"{what} failed {attempts} times; last error: {error}", now);
        }

        var delay = Delay(attempts, retryAfter);
        var note = $"{what} failed (attempt {attempts} of {options.MaxTransientAttempts}): {error}; retrying in {delay.TotalSeconds:0.#} s";
        return JobChanges.Later(job with { Attempts = attempts }, now + delay, note, now);
    }

    /// <summary>The wait before retry number <paramref name="attempt"/> (1 = first), the same for every step.</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter = null) => _backoff.Delay(attempt, retryAfter);
}
