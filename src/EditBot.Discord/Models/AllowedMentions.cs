namespace EditBot.Discord.Models;

/// <summary>Which mentions in the content ping anyone. The client sends <see cref="None"/> unless a caller sets one.</summary>
public sealed record AllowedMentions
{
    public static AllowedMentions None { get; } = new() { Parse = [] };

    /// <summary>Any of "users", "roles", "everyone".</summary>
    public IReadOnlyList<string>? Parse { get; init; }

    public IReadOnlyList<ulong>? Users { get; init; }

    public IReadOnlyList<ulong>? Roles { get; init; }

    public bool? RepliedUser { get; init; }
}
