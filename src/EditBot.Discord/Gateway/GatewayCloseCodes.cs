namespace EditBot.Discord.Gateway;

/// <summary>Discord's gateway close codes and what each one means for the shard (API v10 close event codes).</summary>
public static class GatewayCloseCodes
{
    /// <summary>Sent by this client when it wants to reconnect and resume: any code but 1000/1001 keeps the session.</summary>
    public const int ClientReconnect = 4000;

    public static GatewayCloseAction Classify(int code) => code switch
    {
        4003 or 4006 or 4007 or 4009 => GatewayCloseAction.Reidentify,
        4004 or (>= 4010 and <= 4014) => GatewayCloseAction.Stop,
        _ => GatewayCloseAction.Resume,
    };

    /// <summary>An operator-facing explanation of a close code that stops the gateway, naming what to change.</summary>
    public static string Explain(int code) => code switch
    {
        4004 => "Discord gateway closed with 4004: authentication failed. Check Discord:Token (Developer Portal → Bot → Reset Token).",
        4010 => "Discord gateway closed with 4010: invalid shard. Check Discord:ShardId is below Discord:ShardCount.",
        4011 => "Discord gateway closed with 4011: sharding required. Set Discord:ShardCount (or leave it unset to use Discord's recommendation).",
        4012 => "Discord gateway closed with 4012: invalid API version. This build speaks API v10; update EditBot.",
        4013 => "Discord gateway closed with 4013: invalid intents. Update EditBot; if it persists set Discord:MessageContentIntent=false.",
        4014 => "Discord gateway closed with 4014: disallowed intents. Enable Message Content in the Developer Portal (Bot → Privileged Gateway Intents) or set Discord:MessageContentIntent=false.",
        _ => $"Discord gateway closed with {code}.",
    };
}
