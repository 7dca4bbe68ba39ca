using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EditBot.MaskEditor;

/// <summary>
/// Requests per link and per network address, each in one-minute windows (in this process: a link's requests go to
/// whichever instance the load balancer picks, so several instances allow that many times more). Behind a reverse
/// proxy every request comes from the proxy's address: raise <c>Http:RequestsPerAddressPerMinute</c> there.
/// </summary>
public sealed class MaskEditorRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perLink;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public MaskEditorRateLimits(IOptions<MaskEditorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perLink = Create(options.Value.RequestsPerLinkPerMinute);
        _perAddress = Create(options.Value.RequestsPerAddressPerMinute);
    }

    /// <returns>True when both the address and (when given) the link may make one more request.</returns>
    public bool TryAcquire(string address, string? link)
    {
        using var byAddress = _perAddress.AttemptAcquire(address);
        if (!byAddress.IsAcquired)
        {
            return false;
        }

        if (link is null)
        {
            return true;
        }

        using var byLink = _perLink.AttemptAcquire(link);
        return byLink.IsAcquired;
    }

    public void Dispose()
    {
        _perLink.Dispose();
        _perAddress.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
