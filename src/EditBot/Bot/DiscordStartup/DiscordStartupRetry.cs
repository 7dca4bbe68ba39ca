using System.Net;
using System.Text.Json;
using EditBot.Common.Retry;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.DiscordStartup;

/// <summary>
/// Runs one start-up call to Discord until it succeeds: network failures, timeouts and server errors are waited
/// out with capped, jittered backoff (one warning line per attempt, no stack trace: an outage is expected, not a
/// bug), and reported to /healthz meanwhile. A rejected token (401) is final: it throws
/// <see cref="DiscordRefusedException"/> naming Discord:Token, as retrying would only count towards Discord's ban
/// threshold for invalid requests; any other 4xx but 429 is given back to the caller at once, for the same reason.
/// </summary>
public sealed partial class DiscordStartupRetry(
    DiscordAvailability availability, IOptions<DiscordRetryOptions> options, TimeProvider time, ILogger<DiscordStartupRetry> logger)
{
    public async Task<T> RunAsync<T>(string step, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var backoff = new Backoff(options.Value.BaseDelay, options.Value.MaxDelay);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await call(cancellationToken);
                availability.ReportReached(step);
                return result;
            }
            catch (DiscordApiException refused) when (refused.StatusCode == HttpStatusCode.Unauthorized)
            {
                var message = $"Discord rejected the bot token (401 to {step}). Check Discord:Token (Developer Portal → Bot → Reset Token).";
                availability.ReportRefused(message);
                throw new DiscordRefusedException(message, refused);
            }
            catch (DiscordApiException refused) when (!IsTransient(refused, cancellationToken))
            {
                // Discord answered, so it is reachable: /healthz must not say otherwise; the caller decides what follows.
                availability.ReportReached(step);
                throw;
            }
            catch (Exception error) when (IsTransient(error, cancellationToken))
            {
                var reason = $"{error.GetType().Name}: {error.Message}";
                availability.ReportRetrying(step, reason);
                var delay = backoff.Delay(attempt);
                LogRetrying(logger, step, reason, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    // Everything an outage can look like; a cancelled wait is a timeout unless the bot is stopping. Discord's own
    // 4xx answers (other than 429) are not an outage: the same request would be refused again, and each refusal
    // counts towards Discord's ban for invalid requests, so they go back to the caller at once.
    private static bool IsTransient(Exception error, CancellationToken stopping) => error switch
    {
        OperationCanceledException => !stopping.IsCancellationRequested,
        DiscordApiException api => (int)api.StatusCode is 0 or 429 or >= 500,
        HttpRequestException or IOException or JsonException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord unreachable: {Step} failed ({Reason}); attempt {Attempt}, retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string step, string reason, int attempt, TimeSpan delay);
}
