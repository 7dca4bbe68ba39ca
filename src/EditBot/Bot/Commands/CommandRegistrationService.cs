using EditBot.Discord.Commands;
using EditBot.Discord.Rest;
using EditBot.Hosting.DiscordStartup;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Commands;

/// <summary>
/// At start-up: registers the bot's commands (and those of any <see cref="IBotCommandModule"/>) and logs the invite URL.
/// Waits out a Discord outage for as long as it lasts (the bot runs with the commands Discord already has
/// meanwhile); a rejected token stops the bot, since nothing else would work either.
/// </summary>
public sealed partial class CommandRegistrationService(
    CommandRegistrar registrar,
    DiscordRestClient rest,
    IEnumerable<IBotCommandModule> modules,
    DiscordStartupRetry retry,
    IHostApplicationLifetime lifetime,
    IOptions<BotExperienceOptions> options,
    ILogger<CommandRegistrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RegisterCommands)
        {
            return;
        }

        var definitions = BotCommands.All(options.Value.MaxPromptLength).Concat(modules.SelectMany(m => m.Commands)).ToList();
        try
        {
            var applicationId = await retry.RunAsync("GET /applications/@me", rest.GetApplicationIdAsync, stoppingToken);
            await retry.RunAsync("command registration", ct => registrar.RegisterAsync(definitions, ct), stoppingToken);
            LogInvite(logger, InviteUrl.For(applicationId));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping while Discord was away.
        }
        catch (DiscordRefusedException refused)
        {
            LogRefused(logger, refused.Message);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invite the bot with: {InviteUrl}")]
    private static partial void LogInvite(ILogger logger, Uri inviteUrl);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
