namespace EditBot.Discord.Models;

/// <summary>
/// An entry of a request's <c>attachments</c> array: for a new upload, <see cref="Id"/> is the index n of its
/// <c>files[n]</c> part; for a file kept on an edited message, the existing attachment id.
/// </summary>
public sealed record AttachmentReference
{
    public ulong Id { get; init; }

    public string? Filename { get; init; }

    public string? Description { get; init; }
}
