using System.Collections.Concurrent;

namespace EditBot.Core.Cluster;

/// <summary>One process on its own store (SQLite): it leads every task.</summary>
public sealed class SingleInstanceLeaderElection : ILeaderElection
{
    private readonly ConcurrentDictionary<string, bool> _tasks = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Candidacies => [.. _tasks.Keys];

    public bool IsLeader(string task) => true;

    public Task WaitForLeadershipAsync(string task, CancellationToken cancellationToken)
    {
        _tasks.TryAdd(task, true);
        return Task.CompletedTask;
    }
}
