namespace EditBot.Moderation.Discord;

/// <summary>Operator switches of the moderation layer's Discord side (configuration section "Moderation:Discord").</summary>
public sealed class ModerationDiscordOptions
{
    public const string SectionName = "Moderation:Discord";

    /// <summary>Read the model's price from GMI at start-up (else the reference price table is used).</summary>
    public bool LoadModelPrice { get; set; } = true;

    /// <summary>Re-post requests that wait for review but have no review post (the post failed, or the bot stopped in between).</summary>
    public bool RepostMissingReviews { get; set; } = true;
}
