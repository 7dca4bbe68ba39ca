namespace EditBot.Moderation.Discord;

/// <summary>Where a job's review request was posted, so a decision or expiry can update it after a restart.</summary>
public sealed record ReviewPost(ulong ChannelId, ulong MessageId);
