using EditBot.Core.Retry;
using EditBot.Discord.Commands;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Commands;

/// <summary>At start-up: registers the bot's commands (and those of any <see cref="IBotCommandModule"/>) and logs the invite URL.</summary>
public sealed partial class CommandRegistrationService(
    CommandRegistrar registrar,
    DiscordRestClient rest,
    IEnumerable<IBotCommandModule> modules,
    TimeProvider timeProvider,
    IOptions<BotExperienceOptions> options,
    ILogger<CommandRegistrationService> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private static readonly Backoff RetryBackoff = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(40));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RegisterCommands)
        {
            return;
        }

        var definitions = BotCommands.All(options.Value.MaxPromptLength).Concat(modules.SelectMany(m => m.Commands)).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var applicationId = await rest.GetApplicationIdAsync(stoppingToken);
                await registrar.RegisterAsync(definitions, stoppingToken);
                LogInvite(logger, InviteUrl.For(applicationId));
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException && attempt < MaxAttempts)
            {
                LogRetry(logger, error, attempt);
                await Task.Delay(RetryBackoff.Delay(attempt), timeProvider, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogGaveUp(logger, error, attempt);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invite the bot with: {InviteUrl}")]
    private static partial void LogInvite(ILogger logger, Uri inviteUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering Discord commands failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception error, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering Discord commands failed after {Attempts} attempts; the bot runs with the commands Discord already has")]
    private static partial void LogGaveUp(ILogger logger, Exception error, int attempts);
}
