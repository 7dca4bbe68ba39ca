namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>A RESUME the fake gateway received; <paramref name="Seq"/> is the last sequence the client had.</summary>
public sealed record GatewayResumeRecord(string Token, string SessionId, long? Seq);
