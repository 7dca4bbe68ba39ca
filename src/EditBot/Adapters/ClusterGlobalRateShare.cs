using EditBot.Core.Cluster;
using EditBot.Discord.RateLimits;

namespace EditBot.Adapters;

/// <summary>Discord's global budget split among the live instances that call Discord (<see cref="ClusterRole.DiscordRequests"/>).</summary>
public sealed class ClusterGlobalRateShare(ClusterShares shares) : IGlobalRateShare
{
    public async ValueTask<int> SharersAsync(CancellationToken cancellationToken)
    {
        if (!shares.Joined)
        {
            await shares.WhenJoinedAsync(cancellationToken);
        }

        return shares.SharersOf(ClusterRole.DiscordRequests);
    }
}
