using System.ComponentModel.DataAnnotations;

namespace EditBot.Discord.Gateway;

/// <summary>Tuning of the gateway client (section <c>Discord:Gateway</c>); the defaults suit production.</summary>
public sealed class GatewayClientOptions
{
    public const string Section = "Discord:Gateway";

    /// <summary>First reconnect delay; doubles (with jitter) per failed attempt up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long to wait for HELLO once the socket is open: a gateway that accepts and then says nothing is given up
    /// on (and the shard connects again) instead of holding the shard deaf for ever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the close handshake before dropping the socket.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest gateway message accepted (GUILD_CREATE of a big guild is a few MB).</summary>
    [Range(64 * 1024, 512 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Sent as <c>properties.browser</c> and <c>properties.device</c> in IDENTIFY.</summary>
    [Required]
    public string ClientName { get; set; } = "EditBot";

    /// <summary>Source of the heartbeat and backoff jitter in [0, 1); tests pin it.</summary>
    internal Func<double> Jitter { get; set; } = Random.Shared.NextDouble;
}
