using EditBot.Core.Jobs;

namespace EditBot.Moderation.Discord;

/// <summary>The expiry sweep's hand-off: the request is rejected with the expiry message, its post updated, its requester told.</summary>
public sealed class ReviewExpiryHandler(ReviewDecisions decisions) : IReviewExpiryHandler
{
    public async Task ExpireAsync(Job job, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await decisions.ExpireAsync(job.Id, message, cancellationToken);
    }
}
