using System.Collections.Concurrent;

namespace EditBot.Core.Engine.Steps;

/// <summary>
/// Per polled job, the window in which its request began processing: after the last poll that saw it waiting (or the
/// submission) and no later than the first poll that saw it processing. Kept in memory only, because the job row has
/// no field for it: after a restart, or when another instance claims the job, a request already seen processing is
/// polled from its submission time as before. Entries go when the job leaves Polling, or after the longest a job may run.
/// </summary>
internal sealed class ProcessingWindows(TimeSpan keep)
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, Window> _windows = new();
    private readonly Lock _pruneGate = new();
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    /// <summary>The window seen for this job's current request, if this process saw it.</summary>
    public bool TryGet(Guid jobId, string? requestId, out DateTimeOffset notBefore, out DateTimeOffset seenAt)
    {
        if (_windows.TryGetValue(jobId, out var window) && window.RequestId == requestId)
        {
            (notBefore, seenAt) = (window.NotBefore, window.SeenAt);
            return true;
        }

        (notBefore, seenAt) = (default, default);
        return false;
    }

    public void Remember(Guid jobId, string? requestId, DateTimeOffset notBefore, DateTimeOffset seenAt)
    {
        _windows[jobId] = new Window(requestId, notBefore, seenAt);
        Prune(seenAt);
    }

    public void Forget(Guid jobId) => _windows.TryRemove(jobId, out _);

    /// <summary>Drops windows older than any job may poll (jobs cancelled or taken over elsewhere never come back here).</summary>
    private void Prune(DateTimeOffset now)
    {
        lock (_pruneGate)
        {
            if (now - _prunedAt < PruneEvery)
            {
                return;
            }

            _prunedAt = now;
        }

        foreach (var (id, window) in _windows)
        {
            if (now - window.SeenAt > keep)
            {
                _windows.TryRemove(id, out _);
            }
        }
    }

    private sealed record Window(string? RequestId, DateTimeOffset NotBefore, DateTimeOffset SeenAt);
}
