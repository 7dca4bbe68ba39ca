namespace EditBot.Core.Cluster;

/// <summary>
/// How many live instances share each deployment-wide budget, as the last heartbeat found. Without an
/// <see cref="IInstanceRegistry"/> (SQLite: one process) every budget is this process's alone. With one, nothing may be
/// spent before <see cref="WhenJoinedAsync"/>: until the others have seen this instance their shares still add up to the
/// whole budget.
/// </summary>
public sealed class ClusterShares
{
    private volatile TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IReadOnlyDictionary<string, int> _sharers = new Dictionary<string, int>(StringComparer.Ordinal);

    public ClusterShares(IEnumerable<IInstanceRegistry> registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        if (!registries.Any())
        {
            _joined.TrySetResult();
        }
    }

    /// <summary>True once this instance may spend its share.</summary>
    public bool Joined => _joined.Task.IsCompleted;

    /// <summary>How many live instances share <paramref name="role"/>'s budget, this one included (at least 1).</summary>
    public int SharersOf(ClusterRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return _sharers.TryGetValue(role.Name, out var count) ? Math.Max(count, 1) : 1;
    }

    /// <summary>This instance's part of a deployment-wide <paramref name="total"/>.</summary>
    public double ShareOf(ClusterRole role, double total) => total / SharersOf(role);

    /// <summary>Completes once this instance may spend its share.</summary>
    public Task WhenJoinedAsync(CancellationToken cancellationToken) => _joined.Task.WaitAsync(cancellationToken);

    internal void Apply(IReadOnlyDictionary<string, int> sharers) => _sharers = sharers;

    internal void MarkJoined() => _joined.TrySetResult();

    /// <summary>
    /// Stops spending: this instance's heartbeat has failed so long that the others may have stopped counting it and
    /// taken its share. It joins again (with the join delay) once a heartbeat succeeds.
    /// </summary>
    internal void MarkLeft()
    {
        if (_joined.Task.IsCompleted)
        {
            _joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
