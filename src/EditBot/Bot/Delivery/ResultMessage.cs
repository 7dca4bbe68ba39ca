namespace EditBot.Bot.Delivery;

/// <summary>A message holding results of a job: which ones (0-based indexes into the job's result blobs).</summary>
public sealed record ResultMessage(Guid JobId, IReadOnlyList<int> ResultIndexes, ulong ChannelId);
