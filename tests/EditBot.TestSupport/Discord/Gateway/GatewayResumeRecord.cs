namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>
/// A RESUME the fake gateway received; <paramref name="Seq"/> is the last sequence the client had,
/// <paramref name="AtResumeUrl"/> whether it came in on READY's resume_gateway_url.
/// </summary>
public sealed record GatewayResumeRecord(string Token, string SessionId, long? Seq, bool AtResumeUrl);
