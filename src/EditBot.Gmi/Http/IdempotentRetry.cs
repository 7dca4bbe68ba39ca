using EditBot.Common.Retry;
using EditBot.Core.Backend;
using Microsoft.Extensions.Logging;

namespace EditBot.Gmi.Http;

/// <summary>
/// Retries an idempotent call on Transient failures with the shared <see cref="Backoff"/> (which honours
/// Retry-After), waiting on the injected clock. Never used for the submit POST.
/// </summary>
internal static class IdempotentRetry
{
    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, Task<T>> call, int retries, Backoff backoff, TimeProvider timeProvider, ILogger logger, string what,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (EditBackendException e) when (e.IsTransient && attempt <= retries)
            {
                var delay = backoff.Delay(attempt, e.RetryAfter);
                logger.LogInformation("{Call} failed transiently ({Reason}); retry {Attempt} of {Retries} in {Delay}", what, e.Message, attempt, retries, delay);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }
}
