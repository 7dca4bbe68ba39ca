using EditBot.Core.Cluster;

namespace EditBot.Observability;

/// <summary>
/// Refreshes <c>editbot_instances</c> (live instances per role, from the last heartbeat; 1 on a store of its own) and
/// <c>editbot_leader</c> (per singleton task this instance stands for) just before each scrape.
/// </summary>
public sealed class ClusterCollector(EditBotMetrics metrics, ClusterShares shares, IEnumerable<ClusterRole> roles, ILeaderElection leaders)
{
    public void Attach() => metrics.Registry.AddBeforeCollectCallback(() =>
    {
        foreach (var role in roles.DistinctBy(r => r.Name))
        {
            metrics.Instances.WithLabels(role.Name).Set(shares.SharersOf(role));
        }

        foreach (var task in leaders.Candidacies)
        {
            metrics.Leader.WithLabels(task).Set(leaders.IsLeader(task) ? 1 : 0);
        }
    });
}
