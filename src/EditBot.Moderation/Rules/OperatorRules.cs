using Microsoft.Extensions.Options;

namespace EditBot.Moderation;

/// <summary>
/// The operator's rules (configuration section "Moderation"), checked everywhere an edit can be asked for (servers,
/// direct messages, buttons) and before a server's own rules, at intake and again before the submit: direct
/// messages allowed or not, the operator's blocklist, each person's daily edits across every server and DM, and the
/// deployment's daily budget. Nobody is exempt, server admins included: these protect the operator.
/// Jobs from the command line are the operator's own and are not checked.
/// </summary>
public sealed class OperatorRules(IOptions<ModerationOptions> options, UsageReader usage, CostEstimator costs, TimeProvider time)
{
    private readonly Lazy<PromptBlocklist> _blocklist = new(() => PromptBlocklist.Compile(
        options.Value.GlobalBlocklist.Where(w => !string.IsNullOrWhiteSpace(w))
            .Select(w => new BlocklistEntry(BlocklistEntryKind.Word, w.Trim(), 0, DateTimeOffset.UnixEpoch)),
        options.Value.BlocklistMatchTimeout));

    /// <param name="excludeJobId">At submission: the job being checked, which must not count against itself.</param>
    public async Task<RuleRefusal?> CheckAsync(OperatorRequest request, CheckPoint point, Guid? excludeJobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.Value;
        if (request.DirectMessage && o.DirectMessages == DirectMessagePolicy.Deny)
        {
            return new(ModerationRule.DirectMessagesDenied, "Edits are not available in direct messages with this bot; use it in a server.");
        }

        if (request.UserInstallOnly && o.UserInstall == DirectMessagePolicy.Deny)
        {
            return new(ModerationRule.UserInstallDenied,
                "Edits are only available where a server has added this bot; ask a server admin to add it, or use it in a server that has.");
        }

        if (_blocklist.Value.FindMatch(request.Prompt) is not null)
        {
            return new(ModerationRule.GlobalBlocklist, "Your prompt contains a word this bot does not accept anywhere; rephrase it and try again.");
        }

        var now = time.GetUtcNow();
        var reset = DurationText.DailyReset(now, out var resetsAt);
        if (o.GlobalDailyEditsPerUser is { } edits)
        {
            var today = await usage.UserEditsTodayAsync(request.UserId, now, point, excludeJobId, cancellationToken);
            if (today >= edits)
            {
                return new(ModerationRule.GlobalDailyLimit, $"Daily limit reached: {today}/{edits} edits across every server and DM; {reset}", resetsAt);
            }
        }

        if (o.GlobalDailyBudgetUsd is { } budget)
        {
            var spent = await usage.SpentTodayUsdAsync(now, point, excludeJobId, cancellationToken);
            var cost = costs.Estimate(request.Quality, request.Size, request.Count).TotalUsd;
            if (spent + cost > budget)
            {
                return new(ModerationRule.GlobalDailyBudget, $"This bot's daily budget is used up (this edit would cost {Money.Format(cost)}); {reset}", resetsAt);
            }
        }

        return null;
    }
}
