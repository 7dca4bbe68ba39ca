using System.Globalization;

namespace EditBot.Moderation.Discord;

/// <summary>The settings changes of /editbot-admin, each with the sentence that confirms it. Validation is the store's.</summary>
public static class SettingChanges
{
    public static AdminAction Channels(string sub, ulong? channel) => (sub, channel) switch
    {
        ("clear", _) => AdminAction.Set("Edits are allowed in every channel again.", s => s with { AllowedChannelIds = [], DeniedChannelIds = [] }),
        ("allow", { } id) => AdminAction.Set($"Edits allowed in <#{id}>.", s => s with { AllowedChannelIds = With(s.AllowedChannelIds, id), DeniedChannelIds = Without(s.DeniedChannelIds, id) }),
        ("deny", { } id) => AdminAction.Set($"Edits denied in <#{id}>.", s => s with { DeniedChannelIds = With(s.DeniedChannelIds, id), AllowedChannelIds = Without(s.AllowedChannelIds, id) }),
        ("remove", { } id) => AdminAction.Set($"<#{id}> is off both channel lists.", s => s with { AllowedChannelIds = Without(s.AllowedChannelIds, id), DeniedChannelIds = Without(s.DeniedChannelIds, id) }),
        ("allow" or "deny" or "remove", null) => AdminAction.Invalid("The `channel` option is required here."),
        _ => AdminAction.Invalid($"`channels {sub}` is not a setting I know."),
    };

    public static AdminAction Roles(string sub, ulong? role) => (sub, role) switch
    {
        ("clear", _) => AdminAction.Set("Everyone may edit again.", s => s with { AllowedRoleIds = [] }),
        ("allow", { } id) => AdminAction.Set($"<@&{id}> may edit.", s => s with { AllowedRoleIds = With(s.AllowedRoleIds, id) }),
        ("remove", { } id) => AdminAction.Set($"<@&{id}> is off the allowed roles.", s => s with { AllowedRoleIds = Without(s.AllowedRoleIds, id) }),
        ("allow" or "remove", null) => AdminAction.Invalid("The `role` option is required here."),
        _ => AdminAction.Invalid($"`roles {sub}` is not a setting I know."),
    };

    public static AdminAction ReviewOn(ulong channel, ulong? reviewerRole, TimeSpan? expiry)
    {
        var who = reviewerRole is { } role ? $"<@&{role}> and members with Manage Server" : "members with Manage Server";
        return AdminAction.Set(
            $"Review: on. Requests are posted in <#{channel}>; {who} decide.",
            s => s with { Review = s.Review with { Enabled = true, ChannelId = channel, ReviewerRoleId = reviewerRole, Expiry = expiry ?? s.Review.Expiry } });
    }

    public static AdminAction UserDaily(int? edits) =>
        AdminAction.Set(edits is { } n ? $"Daily edits per member: {N(n)}." : "Daily edits per member: no limit.", s => s with { UserDailyEditLimit = edits });

    public static AdminAction ServerDaily(int? images) =>
        AdminAction.Set(images is { } n ? $"Daily images for the server: {N(n)}." : "Daily images for the server: no limit.", s => s with { ServerDailyImageLimit = images });

    public static AdminAction Budget(decimal? dollars) =>
        AdminAction.Set(dollars is { } d ? $"Daily budget: {Money.Format(d)}." : "Daily budget: none.", s => s with { DailyBudgetUsd = dollars });

    public static AdminAction Cooldown(int? seconds) =>
        AdminAction.Set(
            seconds is { } n and > 0 ? $"Cooldown per member: {DurationText.Seconds(TimeSpan.FromSeconds(n))}." : "Cooldown per member: none.",
            s => s with { UserCooldown = seconds is { } n and > 0 ? TimeSpan.FromSeconds(n) : null });

    public static AdminAction MaxCount(int? count) =>
        AdminAction.Set(count is { } n ? $"Maximum count: {N(n)}." : "Maximum count: none.", s => s with { MaxCount = count });

    public static AdminAction MaxQuality(string? quality) =>
        AdminAction.Set(quality is null ? "Maximum quality: none." : $"Maximum quality: {quality}.", s => s with { MaxQuality = Lower(quality) });

    public static AdminAction DefaultSize(string? size)
    {
        var value = Lower(size) is "auto" ? null : Lower(size);
        return AdminAction.Set($"Default size: {value ?? "auto"}.", s => s with { DefaultSize = value });
    }

    public static AdminAction DefaultQuality(string? quality)
    {
        var value = Lower(quality) is "auto" ? null : Lower(quality);
        return AdminAction.Set($"Default quality: {value ?? "auto"}.", s => s with { DefaultQuality = value });
    }

    private static IReadOnlyList<ulong> With(IReadOnlyList<ulong> ids, ulong id) => ids.Contains(id) ? ids : [.. ids, id];

    private static IReadOnlyList<ulong> Without(IReadOnlyList<ulong> ids, ulong id) => [.. ids.Where(x => x != id)];

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string? Lower(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
}
