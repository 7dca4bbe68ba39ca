namespace EditBot.Bot.Entry;

/// <summary>
/// The images of a message-command target, kept between the command and its modal (seconds to minutes): the modal
/// submit does not carry the target. The URLs are used once, right after, and the entry is then deleted.
/// </summary>
public sealed record PendingTarget(ulong ChannelId, ulong MessageId, IReadOnlyList<PendingImage> Images);

public sealed record PendingImage(ulong AttachmentId, Uri Url, string? FileName);
