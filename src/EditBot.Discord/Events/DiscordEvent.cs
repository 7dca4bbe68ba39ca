namespace EditBot.Discord.Events;

/// <summary>
/// One inbound event, whichever transport brought it. <see cref="Data"/> is the UTF-8 JSON of the dispatch's
/// <c>d</c> (for HTTP interactions, the request body). Both transports write these to <see cref="DiscordEventChannel"/>
/// and the one handler pipeline reads them.
/// </summary>
/// <param name="Type">Dispatch name: READY, GUILD_CREATE, INTERACTION_CREATE, MESSAGE_CREATE, ...</param>
/// <param name="Data">Raw JSON of the event payload.</param>
/// <param name="ShardId">Gateway shard it came from (0 for HTTP).</param>
/// <param name="HttpReply">Set for interactions received over HTTP: the first response must complete it instead of being POSTed.</param>
public sealed record DiscordEvent(string Type, ReadOnlyMemory<byte> Data, int ShardId, HttpInteractionReply? HttpReply = null);
