using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation;

/// <summary>
/// Checks the server's rules again just before the costly submit, since settings may have changed since intake.
/// Server jobs meet the operator's and the server's rules; direct-message jobs the operator's; command-line jobs pass.
/// </summary>
public sealed class ModerationSubmissionGate(ModerationService moderation, IModerationContextReader contexts, ILogger<ModerationSubmissionGate> logger) : ISubmissionGate
{
    public async ValueTask<JobFailure?> CheckAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        RuleRefusal? refusal;
        if (contexts.Read(job.Origin) is { } context)
        {
            var verdict = await moderation.CheckSubmissionAsync(context.ToRequest(job.Request), job.Id, cancellationToken);
            refusal = verdict.Refusal;
        }
        else if (OriginKeys.TryParseUser(job.Origin.RequesterKey, out var userId))
        {
            // A Discord request outside any server's rules (a direct message, or a user install): the operator's rules only.
            var userInstall = contexts.IsUserInstallOnly(job.Origin);
            var request = new OperatorRequest(
                userId, job.Origin.ScopeKey is null && !userInstall, job.Request.Prompt, job.Request.Count, job.Request.Quality, job.Request.Size, userInstall);
            refusal = await moderation.CheckOperatorAsync(request, CheckPoint.Submission, job.Id, cancellationToken);
        }
        else
        {
            return null;
        }

        if (refusal is null)
        {
            return null;
        }

        logger.LogInformation("Job {JobId} refused before submission by rule {Rule}", job.Id, refusal.Rule);
        return new JobFailure(FailureCode.PolicyRefused, refusal.Message);
    }
}
