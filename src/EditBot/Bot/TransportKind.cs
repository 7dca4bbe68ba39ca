using EditBot.Discord;

namespace EditBot.Bot;

/// <summary>Which transport this process receives Discord events on (gateway or HTTP endpoint), for readiness.</summary>
public sealed record TransportKind(DiscordTransport Transport);
