using System.Security.Cryptography;
using EditBot.Core.Backend;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Core.Engine.Steps;

/// <summary>
/// Submitting: the one costly, non-idempotent call. The intent is saved before every POST and the request id
/// after it; a job found with an intent and no id is reconciled (looked up remotely) before posting again, and is
/// posted again only when GMI's whole list was read without finding it.
/// </summary>
internal sealed class SubmitStep(StepDependencies deps, InputLoader inputs, IEnumerable<ISubmissionGate> gates)
{
    public const string UncertainMessage =
        "GMI may already have accepted this edit; it was not sent again, so it cannot be paid twice. An admin can send it again.";

    private readonly ISubmissionGate[] _gates = gates.ToArray();

    public async Task<StepResult> ExecuteAsync(Job job, StepContext context, CancellationToken cancellationToken)
    {
        var now = deps.Now;
        if (deps.Status.PauseReason is { } pause)
        {
            var recheck = now + deps.Options.PausedRecheckInterval;
            return job.SubmitIntentAt is null
                ? JobChanges.Move(job with { NextAttemptAt = recheck }, JobState.Queued, $"Submissions are paused: {pause}", now, StepFollowUp.Release)
                : JobChanges.Later(job, recheck, null, now);
        }

        var prepared = context.Prepared;
        if (prepared is null)
        {
            (prepared, var problem) = await inputs.LoadAsync(job, cancellationToken);
            if (prepared is null)
            {
                return JobChanges.Fail(job, FailureCode.InputInvalid, problem!, now);
            }

            context.Prepared = prepared;
        }

        var request = BuildRequest(job, prepared);
        string? note = null;
        if (job.SubmitIntentAt is { } intent && job.RemoteRequestId is null)
        {
            SubmitLookup lookup;
            try
            {
                lookup = await deps.Backend.FindSubmittedAsync(request, intent, cancellationToken);
            }
            catch (EditBackendException error) when (error.IsTransient)
            {
                return deps.Retry.RetryOrFail(job, FailureCode.Unavailable, "Looking up an interrupted submit", error.Message, error.RetryAfter, now);
            }
            catch (EditBackendException error)
            {
                return BackendFailures.Fail(deps, job, error, FailureCode.Unavailable);
            }

            if (await FirstFreeAsync(job, lookup.Matches, cancellationToken) is { } found)
            {
                var adopted = job with { RemoteRequestId = found.RequestId, SubmittedAt = found.CreatedAt ?? intent, Submissions = job.Submissions + 1 };
                context.SubmitAnswer = found;
                return JobChanges.Move(adopted, JobState.Submitted, $"Reconciled: adopted request {found.RequestId} from the interrupted submit", now);
            }

            if (!lookup.ListComplete)
            {
                // Every submission is paid: without evidence that the first was not accepted, never post a second.
                return JobChanges.Fail(job, FailureCode.SubmitUncertain, UncertainMessage, now);
            }

            note = "An interrupted submit left no request at the API (its whole list was read); posting again";
        }

        return await PostAsync(job, request, note, context, cancellationToken);
    }

    private async Task<StepResult> PostAsync(Job job, SubmitRequest request, string? note, StepContext context, CancellationToken cancellationToken)
    {
        var now = deps.Now;
        var noteEvent = note is null ? null : new JobEvent(job.Id, now, job.State, job.State, note);
        Job? saved;
        if (job.SubmitIntentAt is null && _gates.Length > 0)
        {
            // The gates count what has been spent; checking and recording this intent is one decision under the
            // spend lock, so two jobs submitting at once cannot both pass a limit that covers one of them.
            await using (await deps.Admission.AcquireAsync(AdmissionKeys.Spend, cancellationToken))
            {
                foreach (var gate in _gates)
                {
                    if (await gate.CheckAsync(job, cancellationToken) is { } refusal)
                    {
                        return JobChanges.Fail(job, FailureCode.PolicyRefused, refusal.Message, deps.Now);
                    }
                }

                saved = await context.SaveProgressAsync(job with { SubmitIntentAt = deps.Now }, noteEvent, cancellationToken);
            }
        }
        else
        {
            // No gates, or a job whose intent passed them before an earlier POST (refusing now would waste a paid
            // request). That intent keeps its time: spend counts on the day the gate judged it.
            saved = await context.SaveProgressAsync(job with { SubmitIntentAt = job.SubmitIntentAt ?? now }, noteEvent, cancellationToken);
        }

        if (saved is null)
        {
            return new StepResult(job, null, StepFollowUp.Abandon);
        }

        // A lease lost while the intent was saved cancels this token: no POST without a lease.
        cancellationToken.ThrowIfCancellationRequested();
        RemoteRequest answer;
        try
        {
            answer = await deps.Backend.SubmitAsync(request, cancellationToken);
        }
        catch (EditBackendException error) when (error.IsTransient && !error.MaybeAccepted)
        {
            var notAccepted = saved with { SubmitIntentAt = null };
            return deps.Retry.RetryOrFail(notAccepted, FailureCode.Unavailable, "Submitting", error.Message, error.RetryAfter, deps.Now);
        }
        catch (EditBackendException error) when (error.IsTransient)
        {
            // Keep the intent: the next attempt looks the request up before it could post a second one.
            return deps.Retry.RetryOrFail(saved, FailureCode.Unavailable, "Submitting (the API may have accepted it)", error.Message, error.RetryAfter, deps.Now);
        }
        catch (EditBackendException error)
        {
            return BackendFailures.Fail(deps, saved with { SubmitIntentAt = null }, error, FailureCode.RemoteFailed);
        }

        context.SubmitAnswer = answer;
        var submitted = saved with { RemoteRequestId = answer.RequestId, SubmittedAt = deps.Now, Submissions = saved.Submissions + 1 };
        return JobChanges.Move(submitted, JobState.Submitted, $"Submitted as request {answer.RequestId}", deps.Now);
    }

    /// <summary>The newest match no other job owns (identical re-rolls each have their own request to adopt).</summary>
    private async Task<RemoteRequest?> FirstFreeAsync(Job job, IReadOnlyList<RemoteRequest> matches, CancellationToken cancellationToken)
    {
        foreach (var match in matches)
        {
            var owner = await deps.Jobs.FindByRemoteRequestIdAsync(match.RequestId, cancellationToken);
            if (owner is null || owner.Id == job.Id)
            {
                return match;
            }
        }

        return null;
    }

    private static SubmitRequest BuildRequest(Job job, PreparedInputs prepared)
    {
        var image = job.StagedImageRef ?? Convert.ToBase64String(prepared.Image.Span);
        var mask = job.StagedMaskRef ?? (prepared.Mask is { } bytes ? Convert.ToBase64String(bytes) : null);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(prepared.Image.Span));
        var maskFingerprint = prepared.Mask is { } maskBytes ? Convert.ToHexStringLower(SHA256.HashData(maskBytes)) : null;
        var r = job.Request;
        return new SubmitRequest(job.Id, r.Prompt, image, mask, r.Size, r.Quality, r.Count, fingerprint, maskFingerprint);
    }
}
