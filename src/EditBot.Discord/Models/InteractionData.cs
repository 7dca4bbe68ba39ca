namespace EditBot.Discord.Models;

/// <summary>
/// The <c>data</c> of an interaction. Commands fill id/name/type/options/resolved/target_id; components fill
/// custom_id/component_type/values; modal submits fill custom_id/components.
/// </summary>
public sealed record InteractionData
{
    public ulong? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>Command type (1 chat input, 2 user, 3 message).</summary>
    public int? Type { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    public ResolvedData? Resolved { get; init; }

    /// <summary>The user or message a context-menu command was used on.</summary>
    public ulong? TargetId { get; init; }

    public ulong? GuildId { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Modal submit: the submitted component tree.</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }
}
