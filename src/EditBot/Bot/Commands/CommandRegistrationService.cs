using EditBot.Bot.DiscordStartup;
using EditBot.Core.Cluster;
using EditBot.Discord.Commands;
using EditBot.Discord.Rest;
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
    ILogger<CommandRegistrationService> logger,
    ILeaderElection? leaders = null) : BackgroundService
{
    /// <summary>The singleton task's name: one instance of a deployment registers the commands.</summary>
    public const string LeaderTask = "command registration";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RegisterCommands)
        {
            return;
        }

        var definitions = BotCommands.All(options.Value.MaxPromptLength).Concat(modules.SelectMany(m => m.Commands)).ToList();
        try
        {
            if (leaders is not null)
            {
                // Every instance would send the same definitions; the leader does (and a successor, should it die first).
                await leaders.WaitForLeadershipAsync(LeaderTask, stoppingToken);
            }

            var applicationId = await retry.RunAsync("GET /applications/@me", rest.GetApplicationIdAsync, stoppingToken);
            await retry.RunAsync("command registration", ct => registrar.RegisterAsync(definitions, ct), stoppingToken);
            LogInvite(logger, InviteUrl.For(applicationId), InviteUrl.ForUser(applicationId));
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
        catch (DiscordApiException refused)
        {
            // Discord refused the commands themselves (e.g. 403 Missing Access: Discord:CommandGuildId names a server
            // the bot is not in). Asking again gets the same answer; the bot keeps running with what Discord has.
            LogRegistrationRefused(logger, (int)refused.StatusCode, refused.Code, refused.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord refused the command registration ({Status}, code {Code}): {Reason}. The bot runs with the commands Discord already has; if Discord:CommandGuildId is set, the bot must be a member of that server")]
    private static partial void LogRegistrationRefused(ILogger logger, int status, int code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Add the bot to a server with: {InviteUrl} ; or install it to your own account (use it in any server, DM or group DM) with: {UserInstallUrl}")]
    private static partial void LogInvite(ILogger logger, Uri inviteUrl, Uri userInstallUrl);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
