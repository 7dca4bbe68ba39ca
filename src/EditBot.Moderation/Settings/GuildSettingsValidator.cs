namespace EditBot.Moderation;

/// <summary>Checks a whole settings document before it is saved; the message tells the admin what to change.</summary>
public static class GuildSettingsValidator
{
    public const int MaxBlocklistEntries = 500;

    public static string? FindProblem(GuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return LimitProblem(settings) ?? ImageProblem(settings) ?? ReviewProblem(settings.Review)
            ?? (settings.Blocklist.Count > MaxBlocklistEntries ? $"The blocklist holds at most {MaxBlocklistEntries} entries." : null);
    }

    private static string? LimitProblem(GuildSettings s) =>
        s.UserDailyEditLimit < 0 ? "The daily edit limit per member cannot be negative."
        : s.ServerDailyImageLimit < 0 ? "The server's daily image limit cannot be negative."
        : s.DailyBudgetUsd < 0 ? "The daily budget cannot be negative."
        : s.UserCooldown < TimeSpan.Zero || s.UserCooldown > TimeSpan.FromDays(1) ? "The cooldown must be between 0 seconds and 24 hours."
        : null;

    private static string? ImageProblem(GuildSettings s)
    {
        if (s.MaxCount is < 1 or > 10)
        {
            return "The maximum count must be between 1 and 10.";
        }

        if (s.MaxQuality is not null && (!ImageChoices.TryParseQuality(s.MaxQuality, out var max) || max == QualityLevel.Auto))
        {
            return $"“{s.MaxQuality}” is not a maximum quality: use low, medium or high.";
        }

        if (s.DefaultQuality is not null && !ImageChoices.TryParseQuality(s.DefaultQuality, out _))
        {
            return $"“{s.DefaultQuality}” is not a quality: use low, medium, high or auto.";
        }

        if (s.DefaultSize is not null && !ImageChoices.IsKnownSize(s.DefaultSize))
        {
            return $"“{s.DefaultSize}” is not a size: use auto, {string.Join(", ", ImageChoices.Sizes)}.";
        }

        if (s.MaxQuality is not null && s.DefaultQuality is not null
            && ImageChoices.PricedAs(s.DefaultQuality) > ImageChoices.PricedAs(s.MaxQuality))
        {
            return $"The default quality ({s.DefaultQuality}) is above the maximum quality ({s.MaxQuality}).";
        }

        return null;
    }

    private static string? ReviewProblem(ReviewSettings review) =>
        review.Enabled && review.ChannelId is null ? "Review mode needs a review channel."
        : review.Expiry is { } expiry && (expiry < TimeSpan.FromMinutes(1) || expiry > TimeSpan.FromDays(30))
            ? "Review expiry must be between 1 minute and 30 days."
        : null;
}
