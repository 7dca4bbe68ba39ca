using EditBot.Bot.Intake;

namespace EditBot.Moderation.Discord;

/// <summary>
/// The server's rules at intake: a refusal names the rule and when it resets; an accepted request may have to wait
/// for review, may show its results as spoilers, and carries its <see cref="ModerationContext"/> in the job so the
/// submission gate can check again. Direct messages have no server, so no server rules.
/// </summary>
public sealed class ModerationIntakePolicy(ModerationService moderation, GuildImageDefaults defaults, AuditLog auditLog, TimeProvider time) : IIntakePolicy
{
    public async ValueTask<IntakeDecision> CheckAsync(IntakeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GuildId is not { } guildId)
        {
            return IntakeDecision.Allow;
        }

        var request = ToRequest(guildId, context);
        var verdict = await moderation.CheckIntakeAsync(request, cancellationToken);
        if (verdict.Refusal is { } refusal)
        {
            // No job exists for a refused request, so no observer sees it: the refusal is audited here.
            var entry = AuditEntries.ForRequest(AuditEventKind.Refused, request, null, verdict.Cost, time.GetUtcNow(), $"{refusal.Rule}: {refusal.Message}");
            auditLog.Enqueue(guildId, entry);
            return IntakeDecision.Refuse(RefusalText(refusal));
        }

        var moderationContext = ModerationContext.From(request);
        return new IntakeDecision(
            NeedsReview: verdict.NeedsReview,
            ResultsAsSpoilers: verdict.Settings.ResultsAsSpoilers,
            WriteOriginData: moderationContext.WriteInto);
    }

    /// <summary>The server's default size and quality for a member who named none (the intake resolves them before <see cref="CheckAsync"/>).</summary>
    public ValueTask<(string? Size, string? Quality)> DefaultsAsync(ulong? guildId, CancellationToken cancellationToken) =>
        new(defaults.GetAsync(guildId, cancellationToken));

    public static ModerationRequest ToRequest(ulong guildId, IntakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ModerationRequest(
            guildId,
            context.ChannelId,
            context.ParentChannelId,
            context.UserId,
            context.RoleIds,
            DiscordPermissionBits.ToMemberPermissions(context.Permissions),
            context.Prompt,
            context.Count,
            context.Quality,
            context.Size,
            context.ChannelUnknown);
    }

    /// <summary>The rule's own message, plus a Discord timestamp for the reset so each reader sees it in their time zone.</summary>
    public static string RefusalText(RuleRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.ResetsAt is { } resets
            ? $"{refusal.Message} (<t:{resets.ToUnixTimeSeconds()}:t>)."
            : refusal.Message.EndsWith('.') ? refusal.Message : refusal.Message + ".";
    }
}
