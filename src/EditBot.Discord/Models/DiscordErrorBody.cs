using System.Text.Json;

namespace EditBot.Discord.Models;

/// <summary>Discord's JSON error body: <c>{code, message, errors?}</c>.</summary>
public sealed record DiscordErrorBody
{
    public int Code { get; init; }

    public string? Message { get; init; }

    public JsonElement? Errors { get; init; }
}
