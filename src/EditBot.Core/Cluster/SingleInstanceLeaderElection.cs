namespace EditBot.Core.Cluster;

/// <summary>One process on its own store (SQLite): it leads every task.</summary>
public sealed class SingleInstanceLeaderElection : ILeaderElection
{
    public bool IsLeader(string task) => true;

    public Task WaitForLeadershipAsync(string task, CancellationToken cancellationToken) => Task.CompletedTask;
}
