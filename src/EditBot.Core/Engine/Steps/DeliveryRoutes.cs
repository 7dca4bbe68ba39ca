namespace EditBot.Core.Engine.Steps;

/// <summary>The registered deliveries by origin kind: which one prepares and delivers a job.</summary>
internal sealed class DeliveryRoutes(IEnumerable<IJobDelivery> deliveries)
{
    private readonly IJobDelivery[] _deliveries = deliveries.ToArray();

    /// <summary>The delivery for <paramref name="job"/>'s origin kind (case-insensitive), or null when none is registered.</summary>
    public IJobDelivery? For(Jobs.Job job) =>
        Array.Find(_deliveries, d => string.Equals(d.Kind, job.Origin.Kind, StringComparison.OrdinalIgnoreCase));
}
