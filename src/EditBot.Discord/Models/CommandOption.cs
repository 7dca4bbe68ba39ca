namespace EditBot.Discord.Models;

/// <summary>An option of a command definition; subcommands and groups nest <see cref="Options"/>.</summary>
public sealed record CommandOption
{
    /// <summary>See <see cref="CommandOptionType"/>.</summary>
    public int Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>Required options must come before optional ones.</summary>
    public bool? Required { get; init; }

    /// <summary>At most 25.</summary>
    public IReadOnlyList<CommandOptionChoice>? Choices { get; init; }

    public IReadOnlyList<CommandOption>? Options { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Autocomplete { get; init; }

    public IReadOnlyList<int>? ChannelTypes { get; init; }
}
