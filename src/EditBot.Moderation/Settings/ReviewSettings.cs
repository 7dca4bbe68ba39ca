namespace EditBot.Moderation;

/// <summary>Review mode: requests wait in <see cref="ChannelId"/> until a reviewer approves or rejects them.</summary>
public sealed record ReviewSettings
{
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromHours(24);

    public bool Enabled { get; init; }

    public ulong? ChannelId { get; init; }

    /// <summary>Members with this role may approve and reject (as may anyone with Manage Server).</summary>
    public ulong? ReviewerRoleId { get; init; }

    /// <summary>How long a request may wait before it expires; null means <see cref="DefaultExpiry"/>.</summary>
    public TimeSpan? Expiry { get; init; }

    public TimeSpan EffectiveExpiry => Expiry ?? DefaultExpiry;
}
