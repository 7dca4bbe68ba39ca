using System.Threading.RateLimiting;

namespace EditBot.Imaging.Decoding;

/// <summary>Pixels taken from the <see cref="PixelBudget"/>; disposing the lease gives them back.</summary>
public sealed class PixelLease : IDisposable
{
    private readonly RateLimitLease _lease;

    internal PixelLease(RateLimitLease lease, long pixels)
    {
        _lease = lease;
        Pixels = pixels;
    }

    /// <summary>The pixels this lease holds: those asked for, or the whole budget when more were asked.</summary>
    public long Pixels { get; }

    public void Dispose() => _lease.Dispose();
}
