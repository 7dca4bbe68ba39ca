using EditBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Drains <see cref="AuditLog"/>'s queue into one lane per server (<see cref="AuditLanes"/>): each server's entries in
/// order, one at a time, and servers independent of each other (the REST client waits out an audit channel's rate
/// limits there, off every interaction path and off other servers' lanes). Best effort: a missing channel means no audit log, and a failed
/// post is logged and dropped, never failing anything else. Nobody is pinged. At shutdown it keeps posting until every
/// other hosted service has stopped (they may still audit while they finish), then drains what is left within the
/// host's shutdown timeout and logs what it could not post.
/// </summary>
public sealed partial class AuditPostingService(
    AuditLog auditLog, DiscordRestClient rest, GuildSettingsStore settingsStore, ILogger<AuditPostingService> logger) : BackgroundService, IHostedLifecycleService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var lanes = new AuditLanes(PostAsync, auditLog.Settled);
        try
        {
            await foreach (var pending in auditLog.Pending.ReadAllAsync(stoppingToken))
            {
                lanes.Add(pending, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down past the drain deadline: the lanes stop below, and what they did not post is counted.
        }
        finally
        {
            await lanes.WhenStoppedAsync();
        }

        var left = auditLog.Outstanding;
        if (left > 0)
        {
            // Say what was not posted rather than lose it silently.
            LogLeftAtShutdown(logger, left);
        }
    }

    // Hosted services stop in reverse order of registration, and this one is registered after the engine and the
    // gateway: stopping here would drop what they audit while they finish. The real stop is in StoppedAsync.
    public override Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await auditLog.WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out; the loop's cancellation below logs what is left.
        }

        await base.StopAsync(CancellationToken.None);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
