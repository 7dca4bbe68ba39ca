using EditBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Drains <see cref="AuditLog"/>'s queue in order, one post at a time (the REST client waits out the audit channel's
/// rate limits here, off every interaction path). Best effort: a missing channel means no audit log, and a failed
/// post is logged and dropped, never failing anything else. Nobody is pinged.
/// </summary>
public sealed partial class AuditPostingService(
    AuditLog auditLog, DiscordRestClient rest, GuildSettingsStore settingsStore, ILogger<AuditPostingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var pending in auditLog.Pending.ReadAllAsync(stoppingToken))
            {
                await PostAsync(pending, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; say what was not posted rather than lose it silently.
            var left = auditLog.Pending.CanCount ? auditLog.Pending.Count : 0;
            if (left > 0)
            {
                LogLeftAtShutdown(logger, left);
            }
        }
    }

    private async Task PostAsync(PendingAuditPost pending, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await settingsStore.GetAsync(pending.GuildId, cancellationToken);
            if (settings.AuditChannelId is { } channelId)
            {
                await rest.CreateMessageAsync(channelId, AuditLog.Body(pending.Entry), cancellationToken: cancellationToken);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(logger, error, pending.Entry.Kind, pending.Entry.JobId, pending.GuildId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry {Kind} of job {JobId} could not be posted in guild {GuildId}")]
    private static partial void LogPostFailed(ILogger logger, Exception error, AuditEventKind kind, Guid? jobId, ulong guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit entries were not posted before shutdown")]
    private static partial void LogLeftAtShutdown(ILogger logger, int count);
}
