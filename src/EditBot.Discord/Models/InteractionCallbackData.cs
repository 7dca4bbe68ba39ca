namespace EditBot.Discord.Models;

/// <summary>The <c>data</c> of an interaction callback: a message (types 4, 7), a modal (9) or choices (8).</summary>
public sealed record InteractionCallbackData
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<MessageComponent>? Components { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public int? Flags { get; init; }

    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }

    /// <summary>Modal title (≤ 45 chars).</summary>
    public string? Title { get; init; }

    /// <summary>Modal custom id.</summary>
    public string? CustomId { get; init; }

    public IReadOnlyList<CommandOptionChoice>? Choices { get; init; }
}
