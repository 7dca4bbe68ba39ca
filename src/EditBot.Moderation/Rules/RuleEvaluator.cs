using System.Globalization;

namespace EditBot.Moderation;

/// <summary>
/// The server's rules, checked in a fixed order (place and person first, then the prompt, then size of the request,
/// then daily allowances, then cooldown) so the first refusal is the one that matters most. Pure: settings, request,
/// usage and the time come in, a refusal or null comes out.
/// Exemptions: members with Manage Server skip the role rule, their own daily edit limit and the cooldown, so
/// admins can test their own setup; members with Manage Messages skip the cooldown. Nobody skips the channel
/// rules, the blocklist, the size caps, the server's image limit or the budget: those protect the server.
/// </summary>
public sealed class RuleEvaluator(CostEstimator costs, PromptBlocklistCache blocklists)
{
    /// <summary>Whether any rule of <paramref name="settings"/> needs usage (so the job store need not be read otherwise).</summary>
    public static bool NeedsUsage(GuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.UserDailyEditLimit is not null || settings.ServerDailyImageLimit is not null
            || settings.DailyBudgetUsd is not null || settings.UserCooldown is not null;
    }

    public RuleRefusal? Evaluate(GuildSettings settings, ModerationRequest request, UsageSnapshot usage, CheckPoint point, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(usage);
        return PlaceAndPerson(settings, request)
            ?? PromptRule(settings, request)
            ?? SizeRules(settings, request)
            ?? DailyRules(settings, request, usage, now)
            ?? (point == CheckPoint.Intake ? CooldownRule(settings, request, usage, now) : null);
    }

    private static RuleRefusal? PlaceAndPerson(GuildSettings s, ModerationRequest r)
    {
        bool Listed(IReadOnlyList<ulong> ids) => ids.Contains(r.ChannelId) || (r.ParentChannelId is { } parent && ids.Contains(parent));

        // A channel that could not be read may be a thread of a denied channel: with a deny list, refuse.
        if (Listed(s.DeniedChannelIds) || (r.ChannelUnknown && s.DeniedChannelIds.Count > 0))
        {
            return new(ModerationRule.DeniedChannel, "Edits are not allowed in this channel (the server has denied it).");
        }

        if (s.AllowedChannelIds.Count > 0 && !Listed(s.AllowedChannelIds))
        {
            return new(ModerationRule.ChannelNotAllowed, $"Edits are only allowed in {MentionList(s.AllowedChannelIds, "#")}.");
        }

        if (s.AllowedRoleIds.Count > 0 && !r.Has(MemberPermissions.ManageServer) && !s.AllowedRoleIds.Any(r.RoleIds.Contains))
        {
            return new(ModerationRule.MissingRole, $"Edits need one of these roles: {MentionList(s.AllowedRoleIds, "@&")}.");
        }

        return null;
    }

    private RuleRefusal? PromptRule(GuildSettings s, ModerationRequest r) =>
        blocklists.For(s).FindMatch(r.Prompt) is { } match ? new(ModerationRule.Blocklist, match.Message) : null;

    private static RuleRefusal? SizeRules(GuildSettings s, ModerationRequest r)
    {
        if (s.MaxCount is { } maxCount && r.Count > maxCount)
        {
            return new(ModerationRule.MaxCount, $"Too many images: you asked for {r.Count}, this server allows at most {maxCount} per edit.");
        }

        if (s.MaxQuality is not null && ImageChoices.PricedAs(r.Quality) > ImageChoices.PricedAs(s.MaxQuality))
        {
            var asked = ImageChoices.TryParseQuality(r.Quality, out var q) && q == QualityLevel.Auto ? "auto (which may pick high)" : r.Quality;
            return new(ModerationRule.MaxQuality, $"Quality too high: you asked for {asked}, this server allows at most {s.MaxQuality}.");
        }

        return null;
    }

    private RuleRefusal? DailyRules(GuildSettings s, ModerationRequest r, UsageSnapshot usage, DateTimeOffset now)
    {
        var reset = DurationText.DailyReset(now, out var resetsAt);
        if (s.UserDailyEditLimit is { } edits && !r.Has(MemberPermissions.ManageServer) && usage.UserEditsToday >= edits)
        {
            return new(ModerationRule.UserDailyLimit, $"Daily limit reached: {usage.UserEditsToday}/{edits} edits; {reset}", resetsAt);
        }

        if (s.ServerDailyImageLimit is { } images && usage.ServerImagesToday + r.Count > images)
        {
            var would = usage.ServerImagesToday < images ? $", this edit would make {r.Count}" : "";
            return new(ModerationRule.ServerDailyImageLimit, $"Server daily image limit reached: {usage.ServerImagesToday}/{images} images{would}; {reset}", resetsAt);
        }

        var cost = costs.Estimate(r.Quality, r.Size, r.Count).TotalUsd;
        if (s.DailyBudgetUsd is { } budget && usage.ServerCostTodayUsd + cost > budget)
        {
            return new(
                ModerationRule.DailyBudget,
                $"Daily budget reached: {Money.Format(usage.ServerCostTodayUsd)} of {Money.Format(budget)} spent, this edit would cost {Money.Format(cost)}; {reset}",
                resetsAt);
        }

        return null;
    }

    private static RuleRefusal? CooldownRule(GuildSettings s, ModerationRequest r, UsageSnapshot usage, DateTimeOffset now)
    {
        if (s.UserCooldown is not { } cooldown || usage.UserLastRequestAt is not { } last
            || r.Has(MemberPermissions.ManageServer) || r.Has(MemberPermissions.ManageMessages))
        {
            return null;
        }

        var readyAt = last + cooldown;
        return now < readyAt
            ? new(ModerationRule.Cooldown, $"Cooldown: wait {DurationText.Seconds(readyAt - now)} before your next edit", readyAt)
            : null;
    }

    private static string MentionList(IReadOnlyList<ulong> ids, string sigil)
    {
        const int Shown = 10;
        var mentions = ids.Take(Shown).Select(id => $"<{sigil}{id.ToString(CultureInfo.InvariantCulture)}>");
        var more = ids.Count > Shown ? $" and {ids.Count - Shown} more" : "";
        return string.Join(", ", mentions) + more;
    }
}
