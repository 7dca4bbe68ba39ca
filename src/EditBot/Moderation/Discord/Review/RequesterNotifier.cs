using EditBot.Bot.Progress;
using EditBot.Core.Jobs;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Origin;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Tells a requester what happened to their request: privately through the interaction while its token lives, else
/// as a reply to their progress message (pinging only them), else by direct message. Best effort, logged.
/// </summary>
public sealed partial class RequesterNotifier(DiscordRestClient rest, ProgressMessages progress, ILogger<RequesterNotifier> logger)
{
    public async Task TellAsync(Job job, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!JobOrigins.TryReadDiscord(job, out var origin))
        {
            return;
        }

        try
        {
            if (await TryFollowupAsync(origin, text, cancellationToken) || await TryChannelAsync(origin, text, cancellationToken))
            {
                return;
            }

            var dm = await rest.CreateDmChannelAsync(origin.UserId, cancellationToken);
            await rest.CreateMessageAsync(dm.Id, new MessageBody { Content = text, AllowedMentions = AllowedMentions.None }, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is DiscordApiException or HttpRequestException)
        {
            LogNotifyFailed(logger, error, job.Id);
        }
    }

    private async Task<bool> TryFollowupAsync(DiscordOrigin origin, string text, CancellationToken cancellationToken)
    {
        if (!progress.TokenAlive(origin))
        {
            return false;
        }

        try
        {
            var body = new MessageBody { Content = text, Flags = MessageFlags.Ephemeral, AllowedMentions = AllowedMentions.None };
            await rest.CreateFollowupAsync(origin.InteractionToken!, body, cancellationToken: cancellationToken);
            return true;
        }
        catch (DiscordApiException error) when (ProgressMessages.IsDeadToken(error))
        {
            return false;
        }
    }

    private async Task<bool> TryChannelAsync(DiscordOrigin origin, string text, CancellationToken cancellationToken)
    {
        if (origin.Private || origin.IsDirectMessage)
        {
            return false;
        }

        var body = new MessageBody
        {
            Content = $"<@{origin.UserId}> {text}",
            AllowedMentions = new AllowedMentions { Parse = [], Users = [origin.UserId] },
            MessageReference = origin.ProgressMessageId is { } progressId
                ? new MessageReference { MessageId = progressId, ChannelId = origin.ChannelId, FailIfNotExists = false }
                : null,
        };
        try
        {
            await rest.CreateMessageAsync(origin.ChannelId, body, cancellationToken: cancellationToken);
            return true;
        }
        catch (DiscordApiException error)
        {
            LogChannelFailed(logger, origin.ChannelId, (int)error.StatusCode);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the requester of job {JobId} about the review")]
    private static partial void LogNotifyFailed(ILogger logger, Exception error, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId} refused the review notice ({Status}); trying a direct message")]
    private static partial void LogChannelFailed(ILogger logger, ulong channelId, int status);
}
