using EditBot.Core.Engine;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Cluster;

/// <summary>This process's name among the instances: <c>Engine:WorkerId</c>, unique per process.</summary>
public sealed class InstanceIdentity(IOptions<EngineOptions> engine)
{
    public string Id { get; } = engine.Value.WorkerId;
}
