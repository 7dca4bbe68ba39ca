namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>An IDENTIFY the fake gateway received.</summary>
/// <param name="Shard">The <c>shard</c> array, or null when the client sent none.</param>
public sealed record GatewayIdentifyRecord(string Token, int Intents, int[]? Shard, string? Os, string? Browser, string? Device, string RawJson);
