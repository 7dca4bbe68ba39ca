namespace EditBot.Discord.Gateway;

/// <summary>What the shard does after a connection ends.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect to resume_gateway_url and send RESUME: no event is lost.</summary>
    Resume,

    /// <summary>The session is gone: reconnect and IDENTIFY again.</summary>
    Reidentify,

    /// <summary>Reconnecting cannot help (bad token, intents, shard): stop and tell the operator what to fix.</summary>
    Stop,
}
