using System.Text.Json;

namespace EditBot.Discord.Models;

/// <summary>A fixed choice of a string, integer or number option.</summary>
public sealed record CommandOptionChoice
{
    public required string Name { get; init; }

    /// <summary>A JSON string or number.</summary>
    public required JsonElement Value { get; init; }

    public static CommandOptionChoice Of(string name, string value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String) };

    public static CommandOptionChoice Of(string name, long value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64) };
}
