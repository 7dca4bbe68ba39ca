using EditBot.Core.Backend;
using EditBot.Core.Jobs;

namespace EditBot.Core.Engine;

/// <summary>Maps a non-transient backend error to the job's failure, pausing submissions for configuration errors.</summary>
internal static class BackendFailures
{
    public static StepResult Fail(StepDependencies deps, Job job, EditBackendException error, FailureCode fallback)
    {
        if (error.Kind is BackendErrorKind.Configuration)
        {
            deps.Status.PauseSubmissions(error.Message);
        }

        var code = error.Kind switch
        {
            BackendErrorKind.Configuration => FailureCode.Configuration,
            BackendErrorKind.InsufficientCredits => FailureCode.InsufficientCredits,
            BackendErrorKind.BadRequest => FailureCode.BadRequest,
            BackendErrorKind.ContentPolicy => FailureCode.ContentPolicy,
            _ => fallback,
        };
        return JobChanges.Fail(job, code, error.Message, deps.Now);
    }
}
