using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation;

/// <summary>
/// Checks the server's rules again just before the costly submit, since settings may have changed since intake.
/// Jobs without a <see cref="ModerationContext"/> (CLI, direct messages) pass.
/// </summary>
public sealed class ModerationSubmissionGate(ModerationService moderation, ILogger<ModerationSubmissionGate> logger) : ISubmissionGate
{
    public async ValueTask<JobFailure?> CheckAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!ModerationContext.TryRead(job.Origin, out var context))
        {
            return null;
        }

        var verdict = await moderation.CheckSubmissionAsync(context.ToRequest(job.Request), job.Id, cancellationToken);
        if (verdict.Refusal is not { } refusal)
        {
            return null;
        }

        logger.LogInformation("Job {JobId} refused before submission by rule {Rule}", job.Id, refusal.Rule);
        return new JobFailure(FailureCode.PolicyRefused, refusal.Message);
    }
}
