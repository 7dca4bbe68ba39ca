using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Discord.Rest;
using EditBot.Origin;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>Posts a job to its server's review channel when it starts waiting for review, and remembers the post.</summary>
public sealed partial class ReviewQueueObserver(
    ReviewPostBuilder builder, ReviewPostStore posts, GuildSettingsStore settingsStore, DiscordRestClient rest, ILogger<ReviewQueueObserver> logger) : IJobObserver
{
    public async ValueTask OnJobChangedAsync(Job job, JobEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(change);
        if (change.To == JobState.AwaitingApproval && change.From != JobState.AwaitingApproval)
        {
            await PostAsync(job, cancellationToken);
        }
    }

    /// <returns>False when the job has no server context or its server has no review channel.</returns>
    public async Task<bool> PostAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (JobOrigins.Read(job.Origin).Moderation is not { } context)
        {
            return false;
        }

        var settings = await settingsStore.GetAsync(context.GuildId, cancellationToken);
        if (settings.Review.ChannelId is not { } channelId)
        {
            LogNoReviewChannel(logger, job.Id, context.GuildId);
            return false;
        }

        var (body, files) = await builder.BuildAsync(job, context, settings, cancellationToken);
        var message = await rest.CreateMessageAsync(channelId, body, files, cancellationToken);
        await posts.SaveAsync(job.Id, new ReviewPost(channelId, message.Id), cancellationToken);
        LogPosted(logger, job.Id, channelId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} posted for review in channel {ChannelId}")]
    private static partial void LogPosted(ILogger logger, Guid jobId, ulong channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} waits for review but guild {GuildId} has no review channel")]
    private static partial void LogNoReviewChannel(ILogger logger, Guid jobId, ulong guildId);
}
