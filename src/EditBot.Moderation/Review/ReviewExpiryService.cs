using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Moderation;

/// <summary>Runs <see cref="ExpiredReviewSweeper"/> at start (requests may have expired while the bot was down) and then periodically.</summary>
public sealed class ReviewExpiryService(
    ExpiredReviewSweeper sweeper, TimeProvider time, IOptions<ModerationOptions> options, ILogger<ReviewExpiryService> logger, ILeaderElection? leaders = null) : PeriodicSweep(time, logger, leaders)
{
    protected override TimeSpan Interval => options.Value.ReviewSweepInterval;

    protected override string Name => "review expiry";

    protected override Task SweepAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}
