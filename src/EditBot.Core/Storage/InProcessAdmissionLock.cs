namespace EditBot.Core.Storage;

/// <summary>
/// <see cref="IAdmissionLock"/> within one process: one async semaphore per key in use, made for its first caller and
/// dropped when its last holder or waiter leaves, so unrelated keys never wait for each other and a holder of one key
/// may take another. Enough for the SQLite store, which one bot process owns.
/// </summary>
public sealed class InProcessAdmissionLock : IAdmissionLock, IDisposable
{
    /// <summary>How long a decision waits for the lock before giving up with an error its caller retries (as PostgreSQL's lock_timeout).</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Keys held or waited for right now (an idle lock keeps none).</summary>
    public int KeysInUse
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                _entries[key] = entry = new Entry();
            }

            entry.Users++;
        }

        var entered = false;
        try
        {
            entered = await entry.Gate.WaitAsync(MaxWait, cancellationToken);
        }
        finally
        {
            if (!entered)
            {
                Leave(key, entry, release: false);
            }
        }

        return entered
            ? new Held(this, key, entry)
            : throw new AdmissionBusyException($"The admission lock '{key}' stayed busy for {MaxWait.TotalSeconds:0} s; try again.");
    }

    public void Dispose()
    {
        lock (_entries)
        {
            foreach (var entry in _entries.Values)
            {
                entry.Gate.Dispose();
            }

            _entries.Clear();
        }
    }

    private void Leave(string key, Entry entry, bool release)
    {
        if (release)
        {
            entry.Gate.Release();
        }

        lock (_entries)
        {
            // Every waiter counted itself in under this lock before waiting, so none is left when the count is zero.
            if (--entry.Users == 0 && _entries.Remove(key))
            {
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>The holder and the waiters; guarded by the owner's dictionary.</summary>
        public int Users { get; set; }
    }

    private sealed class Held(InProcessAdmissionLock owner, string key, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Leave(key, entry, release: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}
