namespace EditBot.Benchmarks.Imaging;

/// <summary>
/// The largest managed heap seen while it runs, sampled every few milliseconds on its own thread (a busy thread pool
/// would starve a timer). A sample can miss a short spike; the resident high-water mark has no such gap.
/// </summary>
internal sealed class ManagedPeakSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stopped;
    private long _peak;

    public ManagedPeakSampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "managed-peak-sampler" };
        _thread.Start();
    }

    public long Peak => Interlocked.Read(ref _peak);

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }

    private void Sample()
    {
        while (!_stopped)
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            Thread.Sleep(2);
        }
    }
}
