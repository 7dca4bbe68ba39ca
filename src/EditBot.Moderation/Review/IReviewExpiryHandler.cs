using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>
/// Ends a request whose review time ran out: the host moves the job out of AwaitingApproval (to Rejected, with
/// <paramref name="message"/> as the reason), updates the review post and tells the requester. Must tolerate a
/// job that a reviewer decided on in the meantime (compare-and-set on the job's version).
/// </summary>
public interface IReviewExpiryHandler
{
    Task ExpireAsync(Job job, string message, CancellationToken cancellationToken);
}
