using System.Text.Json;

namespace EditBot.Discord.Models;

/// <summary>One option of a command invocation; subcommands (type 1) and groups (type 2) nest <see cref="Options"/>.</summary>
public sealed record InteractionDataOption
{
    public required string Name { get; init; }

    /// <summary>See <see cref="CommandOptionType"/>.</summary>
    public int Type { get; init; }

    /// <summary>String, number or boolean; for attachments, users and the like an id (a string).</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    public bool? Focused { get; init; }
}
