namespace EditBot.Discord.Models;

/// <summary>Objects referenced by id in an interaction's options, target or file uploads, keyed by id string.</summary>
public sealed record ResolvedData
{
    public IReadOnlyDictionary<string, User>? Users { get; init; }

    public IReadOnlyDictionary<string, GuildMember>? Members { get; init; }

    public IReadOnlyDictionary<string, Message>? Messages { get; init; }

    public IReadOnlyDictionary<string, Attachment>? Attachments { get; init; }

    public IReadOnlyDictionary<string, Channel>? Channels { get; init; }
}
