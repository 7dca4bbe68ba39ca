using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Posts audit entries to a server's audit channel. Best effort: a missing channel means no audit log, and a failed
/// post is logged and dropped, never failing the request or job that caused it. Nobody is pinged.
/// </summary>
public sealed partial class AuditLog(DiscordRestClient rest, GuildSettingsStore settingsStore, ILogger<AuditLog> logger)
{
    public async Task PostAsync(ulong guildId, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var settings = await settingsStore.GetAsync(guildId, cancellationToken);
            if (settings.AuditChannelId is not { } channelId)
            {
                return;
            }

            await rest.CreateMessageAsync(channelId, Body(entry), cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(logger, error, entry.Kind, entry.JobId, guildId);
        }
    }

    /// <summary>The audit message: one line, no pings (the prompt and names may contain mentions).</summary>
    public static MessageBody Body(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new MessageBody { Content = entry.ToLine(), AllowedMentions = AllowedMentions.None };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry {Kind} of job {JobId} could not be posted in guild {GuildId}")]
    private static partial void LogPostFailed(ILogger logger, Exception error, AuditEventKind kind, Guid? jobId, ulong guildId);
}
