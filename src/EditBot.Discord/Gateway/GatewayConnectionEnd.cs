namespace EditBot.Discord.Gateway;

/// <summary>How one connection ended, and what the shard does next.</summary>
internal enum GatewayConnectionEnd
{
    Resume,
    Reidentify,
    Fatal,
    Stopped,
}

/// <param name="CloseCode">The close code, when the connection ended with one.</param>
/// <param name="ReachedReady">READY or RESUMED arrived, so the reconnect backoff starts over.</param>
internal sealed record GatewayConnectionOutcome(GatewayConnectionEnd End, string Reason, int? CloseCode, bool ReachedReady);
