namespace EditBot.Moderation.Discord;

/// <summary>
/// A parsed /editbot-admin invocation. For <see cref="AdminActionKind.ChangeSettings"/>, <see cref="Change"/> applies
/// it to the current settings (refusing with the admin-facing reason) and <see cref="Message"/> says what was done.
/// </summary>
public sealed record AdminAction(
    AdminActionKind Kind,
    string? Message = null,
    Func<GuildSettings, SettingsUpdate>? Change = null,
    ulong? UsageUserId = null,
    int UsageDays = AdminAction.DefaultUsageDays)
{
    public const int DefaultUsageDays = 7;

    public static AdminAction Invalid(string message) => new(AdminActionKind.Invalid, message);

    public static AdminAction Set(string done, Func<GuildSettings, GuildSettings> change) =>
        new(AdminActionKind.ChangeSettings, done, s => new SettingsUpdate(true, change(s), null));
}
