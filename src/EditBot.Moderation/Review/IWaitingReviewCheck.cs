using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>
/// Looks at each request still waiting for review on every review sweep (the one scan of waiting requests, which
/// also expires them), e.g. to post a review card that an outage kept from being posted.
/// </summary>
public interface IWaitingReviewCheck
{
    /// <returns>True when the check acted on <paramref name="job"/>.</returns>
    Task<bool> CheckAsync(Job job, CancellationToken cancellationToken);
}
