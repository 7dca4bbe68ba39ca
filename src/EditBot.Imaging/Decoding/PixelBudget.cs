using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EditBot.Imaging.Decoding;

/// <summary>
/// The process-wide budget of pixels being decoded at once (<see cref="ImagingOptions.MaxConcurrentPixels"/>). A decode
/// takes its pixels before it allocates and gives them back once its bitmaps are released; decodes that do not fit wait
/// in arrival order, so a flood of large images queues instead of exhausting memory. One instance serves the process.
/// </summary>
/// <remarks>
/// Backed by System.Threading.RateLimiting's <see cref="ConcurrencyLimiter"/>, the .NET team's weighted semaphore
/// (oldest first, cancellable, tested), rather than a hand-written one. Its permits are ints, so pixels are counted in
/// kilopixels, rounded up: the largest budget the options allow (2e12 pixels) is 2e9 permits. One quirk of it: a
/// waiter cancelled at the head of the queue lets those behind it in only at the next return of pixels, i.e. when one
/// of the decodes running now ends; a delay, never a hang.
/// </remarks>
public sealed class PixelBudget : IDisposable
{
    private const long PixelsPerPermit = 1000;
    private readonly ConcurrencyLimiter _limiter;
    private readonly int _permitLimit;

    public PixelBudget(IOptions<ImagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TotalPixels = options.Value.MaxConcurrentPixels;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TotalPixels);
        _permitLimit = ToPermits(TotalPixels);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _permitLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            QueueLimit = int.MaxValue,
        });
    }

    /// <summary>The whole budget, in pixels.</summary>
    public long TotalPixels { get; }

    /// <summary>Test hook: called with the pixels asked for when a request has joined the queue to wait.</summary>
    internal Action<long>? Waiting { get; set; }

    /// <summary>
    /// Takes <paramref name="pixels"/> from the budget, waiting behind earlier requests until they fit. A request larger
    /// than the whole budget takes the whole budget, so it waits for every other decode but never forever.
    /// Cancelled while waiting, it throws <see cref="OperationCanceledException"/> and has taken nothing.
    /// </summary>
    /// <returns>The lease; disposing it gives the pixels back.</returns>
    public async ValueTask<PixelLease> AcquireAsync(long pixels, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        var permits = Math.Min(ToPermits(pixels), _permitLimit);
        var pending = _limiter.AcquireAsync(permits, cancellationToken);
        if (!pending.IsCompleted)
        {
            Waiting?.Invoke(pixels);
        }

        var lease = await pending;
        if (!lease.IsAcquired)
        {
            // Only when the limiter is disposed (the host is stopping) or int.MaxValue permits are queued.
            lease.Dispose();
            throw new InvalidOperationException("The pixel budget refused the request: the process is stopping.");
        }

        return new PixelLease(lease, Math.Min(pixels, TotalPixels));
    }

    public void Dispose() => _limiter.Dispose();

    private static int ToPermits(long pixels) =>
        (int)Math.Min(int.MaxValue, (pixels / PixelsPerPermit) + (pixels % PixelsPerPermit == 0 ? 0 : 1));
}
