using EditBot.Bot.Intake;
using EditBot.Origin;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>
/// The rules at intake: the operator's everywhere, then the server's. A refusal names the rule and when it resets;
/// an accepted request may have to wait for review, may show its results as spoilers, and carries its
/// <see cref="ModerationContext"/> in the job so the submission gate can check again. A request outside any server
/// (a direct message), or in a server that never added the bot (a user install), meets the operator's rules only. A request started from a result's buttons keeps the
/// moderation context of the job it came from: re-rolling a server's result from a DM still meets that server's
/// rules and counts against its limits.
/// </summary>
public sealed partial class ModerationIntakePolicy(
    ModerationService moderation, GuildImageDefaults defaults, AuditLog auditLog, TimeProvider time, ILogger<ModerationIntakePolicy> logger) : IIntakePolicy
{
    public async ValueTask<IntakeDecision> CheckAsync(IntakeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (request, inherited) = Resolve(context);
        if (request is null)
        {
            var direct = new OperatorRequest(
                context.UserId, !context.UserInstallOnly, context.Prompt, context.Count, context.Quality, context.Size, context.UserInstallOnly);
            if (await moderation.CheckOperatorAsync(direct, CheckPoint.Intake, null, cancellationToken) is { } refused)
            {
                LogRefusedOutsideServer(logger, context.UserId, refused.Rule);
                return IntakeDecision.Refuse(RefusalText(refused));
            }

            return IntakeDecision.Allow;
        }

        var verdict = await moderation.CheckIntakeAsync(request, cancellationToken);
        if (verdict.Refusal is { } refusal)
        {
            // No job exists for a refused request, so no observer sees it: the refusal is audited here.
            var entry = AuditEntries.ForRequest(AuditEventKind.Refused, request, null, verdict.Cost, time.GetUtcNow(), $"{refusal.Rule}: {refusal.Message}");
            auditLog.Enqueue(request.GuildId, entry);
            return IntakeDecision.Refuse(RefusalText(refusal));
        }

        return new IntakeDecision(
            NeedsReview: verdict.NeedsReview,
            ResultsAsSpoilers: verdict.Settings.ResultsAsSpoilers,
            Moderation: ModerationContext.From(request),
            ScopeGuildId: inherited ? request.GuildId : null);
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

    /// <summary>
    /// Which server's rules apply: the source job's when the request came from its buttons somewhere else (a DM, or
    /// another server); else the server it was asked in; null outside any server. Roles and permissions are not
    /// inherited: the source's are a snapshot that may be stale (a demoted admin would keep an exemption for ever), so
    /// a request from a result's buttons outside its server meets that server's rules as a member without roles.
    /// A press in a DM stays a DM request, so <c>Moderation:DirectMessages</c> applies to it.
    /// </summary>
    private static (ModerationRequest? Request, bool Inherited) Resolve(IntakeContext context)
    {
        if (context.Source is { } source && JobOrigins.Read(source.Origin).Moderation is { } kept && context.GuildId != kept.GuildId)
        {
            var request = new ModerationRequest(
                kept.GuildId, kept.ChannelId, kept.ParentChannelId, context.UserId, [], MemberPermissions.None,
                context.Prompt, context.Count, context.Quality, context.Size, DirectMessage: context.GuildId is null);
            return (request, true);
        }

        // A server that never added the bot has no rules here (a user install): the operator's apply, as in a DM.
        return context.GuildId is { } guildId && !context.UserInstallOnly ? (ToRequest(guildId, context), false) : (null, false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request of user {UserId} outside any server refused by rule {Rule}")]
    private static partial void LogRefusedOutsideServer(ILogger logger, ulong userId, ModerationRule rule);
}
