namespace EditBot.Moderation;

/// <summary>
/// The one call the host makes at intake (<see cref="CheckIntakeAsync"/>), and the one the submission gate makes
/// before the costly submit (<see cref="CheckSubmissionAsync"/>). The operator's rules come first
/// (<see cref="OperatorRules"/>), then the server's: loads its settings and usage and evaluates them at the current time.
/// Requests outside a server (direct messages) meet only the operator's rules (<see cref="CheckOperatorAsync"/>).
/// </summary>
public sealed class ModerationService(
    GuildSettingsStore settingsStore, UsageReader usage, RuleEvaluator evaluator, OperatorRules operatorRules, CostEstimator costs, TimeProvider time)
{
    public Task<ModerationVerdict> CheckIntakeAsync(ModerationRequest request, CancellationToken cancellationToken) =>
        CheckAsync(request, CheckPoint.Intake, null, cancellationToken);

    /// <param name="jobId">The job about to be submitted; it is in the store already and is not counted against itself.</param>
    public Task<ModerationVerdict> CheckSubmissionAsync(ModerationRequest request, Guid jobId, CancellationToken cancellationToken) =>
        CheckAsync(request, CheckPoint.Submission, jobId, cancellationToken);

    /// <summary>The operator's rules alone, for a request outside any server; at submission pass the job's id.</summary>
    public Task<RuleRefusal?> CheckOperatorAsync(OperatorRequest request, CheckPoint point, Guid? jobId, CancellationToken cancellationToken) =>
        operatorRules.CheckAsync(request, point, jobId, cancellationToken);

    private async Task<ModerationVerdict> CheckAsync(ModerationRequest request, CheckPoint point, Guid? jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = await settingsStore.GetAsync(request.GuildId, cancellationToken);
        var now = time.GetUtcNow();
        var snapshot = RuleEvaluator.NeedsUsage(settings)
            ? await usage.ReadAsync(request.GuildId, request.UserId, now, point, jobId, settings.UserCooldown, cancellationToken)
            : UsageSnapshot.None;
        var cost = costs.Estimate(request.Quality, request.Size, request.Count);
        var refusal = await operatorRules.CheckAsync(OperatorRequest.From(request), point, jobId, cancellationToken)
            ?? evaluator.Evaluate(settings, request, snapshot, point, now);
        var needsReview = point == CheckPoint.Intake && ReviewPolicy.NeedsReview(settings, request.RoleIds, request.Permissions);
        if (refusal is null && needsReview && settings.Review.ChannelId is null)
        {
            refusal = new RuleRefusal(ModerationRule.ReviewNotConfigured, "This server reviews edits before they run, but no review channel is set; ask a server admin to set one.");
        }

        return new ModerationVerdict(refusal, cost, refusal is null && needsReview, settings);
    }
}
