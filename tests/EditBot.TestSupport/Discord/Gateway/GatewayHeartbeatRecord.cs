namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>A heartbeat the fake gateway received: when (on the fake's TimeProvider), and the sequence it carried.</summary>
public sealed record GatewayHeartbeatRecord(DateTimeOffset At, long? Seq);
