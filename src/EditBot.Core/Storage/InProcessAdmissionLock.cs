namespace EditBot.Core.Storage;

/// <summary>
/// <see cref="IAdmissionLock"/> within one process: a fixed set of async semaphores, a key mapped to one of them
/// (two keys may share a stripe, which only serialises them; it never lets two holders of one key in).
/// Enough for the SQLite store, which one bot process owns.
/// </summary>
public sealed class InProcessAdmissionLock : IAdmissionLock, IDisposable
{
    private const int Stripes = 64;

    /// <summary>How long a decision waits for the lock before giving up with an error its caller retries (as PostgreSQL's lock_timeout).</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % Stripes)];
        if (!await stripe.WaitAsync(MaxWait, cancellationToken))
        {
            throw new AdmissionBusyException($"The admission lock '{key}' stayed busy for {MaxWait.TotalSeconds:0} s; try again.");
        }

        return new Held(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Held(SemaphoreSlim stripe) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
