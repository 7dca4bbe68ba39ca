namespace EditBot.Core.Cluster;

/// <summary>
/// Which instance runs a singleton task (command registration, the review sweep, blob retention, ...). Each task has
/// its own leader, chosen among the instances that host it, so a process that does not host a task never holds it.
/// </summary>
public interface ILeaderElection
{
    /// <summary>Whether this instance leads <paramref name="task"/> now (as far as it knows; see the implementation).</summary>
    bool IsLeader(string task);

    /// <summary>The tasks this instance stands for (joined by waiting for them), for the leader gauge.</summary>
    IReadOnlyCollection<string> Candidacies { get; }

    /// <summary>Joins the election for <paramref name="task"/> and returns once this instance leads it.</summary>
    Task WaitForLeadershipAsync(string task, CancellationToken cancellationToken);
}
