namespace EditBot.Core.Cluster;

/// <summary>Heartbeat rows of the live instances in the shared store.</summary>
public interface IInstanceRegistry
{
    /// <summary>
    /// Records that <paramref name="instanceId"/> (playing <paramref name="roles"/>) is alive now, by the store's clock,
    /// and returns how many instances play each role, itself included, counting those seen within <paramref name="liveWithin"/>.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> HeartbeatAsync(
        string instanceId, IReadOnlyCollection<string> roles, TimeSpan liveWithin, CancellationToken cancellationToken);

    /// <summary>Removes the instance's row on a clean stop, so the others take its share at their next heartbeat.</summary>
    Task LeaveAsync(string instanceId, CancellationToken cancellationToken);
}
