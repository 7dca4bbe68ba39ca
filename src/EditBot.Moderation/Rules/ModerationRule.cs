namespace EditBot.Moderation;

/// <summary>Which rule refused a request. Stable names: the audit log and the host switch on them.</summary>
public enum ModerationRule
{
    DeniedChannel,
    ChannelNotAllowed,
    MissingRole,
    Blocklist,
    MaxCount,
    MaxQuality,
    UserDailyLimit,
    ServerDailyImageLimit,
    DailyBudget,
    Cooldown,
    ReviewNotConfigured,
    DirectMessagesDenied,
    GlobalBlocklist,
    GlobalDailyLimit,
    GlobalDailyBudget,
    UserInstallDenied,
}
