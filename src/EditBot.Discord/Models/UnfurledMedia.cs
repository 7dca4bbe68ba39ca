namespace EditBot.Discord.Models;

/// <summary>
/// A media reference in a component: <c>attachment://name</c> for a file uploaded with the message, or a URL.
/// Discord answers with the resolved CDN URL and the attachment's id.
/// </summary>
public sealed record UnfurledMedia
{
    public required string Url { get; init; }

    public ulong? AttachmentId { get; init; }

    /// <summary>For an upload of this message: the reference to its file.</summary>
    public static UnfurledMedia Attachment(string fileName) => new() { Url = "attachment://" + fileName };
}
