namespace EditBot.Bot.Entry;

/// <summary>
/// The images of a message-command target, kept between the command and its modal (seconds to minutes): the modal
/// submit does not carry the target. The URLs are used once, right after, and the entry is then deleted. It belongs to
/// the member who opened it (<paramref name="UserId"/>) and is refused after <paramref name="ExpiresAt"/>; an entry
/// stored without them (older versions) reads as user 0 and long expired, so it is refused too.
/// </summary>
public sealed record PendingTarget(ulong ChannelId, ulong MessageId, IReadOnlyList<PendingImage> Images, ulong UserId, DateTimeOffset ExpiresAt)
{
    /// <summary>Why <paramref name="userId"/> may not use this target at <paramref name="now"/>, or null when it may.</summary>
    public string? RefusalFor(ulong userId, DateTimeOffset now) =>
        now >= ExpiresAt ? ExpiredMessage
        : userId != UserId ? "Only the member who used **Edit image** on that message can submit this. Use **Apps → Edit image** on it yourself."
        : null;

    public const string ExpiredMessage = "This request expired. Use **Apps → Edit image** on the message again.";
}

public sealed record PendingImage(ulong AttachmentId, Uri Url, string? FileName);
