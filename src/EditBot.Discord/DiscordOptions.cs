using System.ComponentModel.DataAnnotations;

namespace EditBot.Discord;

/// <summary>The <c>Discord</c> section of the configuration contract (README, Configuration). Keys are stable.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>Bot token; required to run the bot. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Read from <c>GET /applications/@me</c> when absent.</summary>
    public ulong? ApplicationId { get; set; }

    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    public DiscordTransport Transport { get; set; } = DiscordTransport.Gateway;

    /// <summary>Hex Ed25519 public key of the application; required for the Http transport.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Register commands to this guild only (instant) instead of globally.</summary>
    public ulong? CommandGuildId { get; set; }

    /// <summary>Also request the privileged MESSAGE_CONTENT intent (must be enabled in the Developer Portal).</summary>
    public bool MessageContentIntent { get; set; }

    /// <summary>The shard this instance runs; with <see cref="ShardCount"/> unset, all shards from /gateway/bot run here.</summary>
    [Range(0, 65535)]
    public int ShardId { get; set; }

    [Range(1, 65535)]
    public int? ShardCount { get; set; }

    /// <summary>Capacity of the bounded channel between transports and the handler pipeline.</summary>
    [Range(16, 1_000_000)]
    public int EventQueueCapacity { get; set; } = 4096;

    /// <summary>
    /// Requests per second the bot token may send against Discord's global limit of 50, for the whole deployment:
    /// instances on one PostgreSQL store split it between them (each takes an equal share of the live ones). Lower it
    /// when a program outside EditBot uses the same token.
    /// </summary>
    [Range(1, 50)]
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Sent as <c>User-Agent: DiscordBot (url, version)</c>.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/editbot/editbot";
}

public enum DiscordTransport
{
    Gateway,
    Http,
}
