namespace EditBot.Discord.Models;

/// <summary>Starts a thread on a message, or (with <see cref="Message"/>) a post in a forum or media channel.</summary>
public sealed record StartThreadRequest
{
    /// <summary>1–100 chars.</summary>
    public required string Name { get; init; }

    /// <summary>Minutes: 60, 1440, 4320 or 10080.</summary>
    public int? AutoArchiveDuration { get; init; }

    public int? RateLimitPerUser { get; init; }

    /// <summary>Forum/media posts only: the first message.</summary>
    public MessageBody? Message { get; init; }
}
