namespace EditBot.Core.Jobs;

/// <summary>
/// Who asked and where the result goes. Core never interprets <see cref="Data"/>: the host stores its own
/// delivery context there (Discord channel, interaction token, output folder) as JSON.
/// </summary>
/// <param name="Kind">The delivery route, e.g. "cli" or "discord".</param>
/// <param name="RequesterKey">Stable key of the requester, e.g. "discord:123", for per-user limits.</param>
/// <param name="ScopeKey">Stable key of the community, e.g. "guild:456", for per-server limits; null when none.</param>
/// <param name="Data">Opaque JSON owned by the host.</param>
public sealed record JobOrigin(string Kind, string RequesterKey, string? ScopeKey, string Data);
