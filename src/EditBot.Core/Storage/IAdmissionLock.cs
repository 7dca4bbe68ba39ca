namespace EditBot.Core.Storage;

/// <summary>
/// Makes "count, then write" atomic across everyone who decides the same thing: held while usage is counted and the
/// job that uses it is written, so simultaneous requests cannot all pass a limit that covers only some of them.
/// One key per decision that must be serialised (<see cref="AdmissionKeys"/>). The store provides it: SQLite serves
/// one process (<see cref="InProcessAdmissionLock"/>); PostgreSQL locks in the database, so every instance sharing
/// it waits its turn, and a dead holder's lock ends with its connection.
/// </summary>
public interface IAdmissionLock
{
    /// <summary>
    /// Waits for <paramref name="key"/> and holds it until the returned handle is disposed. Throws
    /// <see cref="AdmissionBusyException"/> when the key stayed busy for the lock's whole wait.
    /// </summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}

/// <summary>
/// The admission lock stayed busy for its whole wait (30 s): nothing was decided. Not a fault of the job or the
/// request: the engine tries the step again later without counting an attempt, and intake asks the person to retry.
/// </summary>
public sealed class AdmissionBusyException : Exception
{
    public AdmissionBusyException()
    {
    }

    public AdmissionBusyException(string message)
        : base(message)
    {
    }

    public AdmissionBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The keys that serialise admission decisions.</summary>
public static class AdmissionKeys
{
    /// <summary>Anything that counts against limits, cooldowns and budgets: intake reservations and submit intents.</summary>
    public const string Spend = "spend";

    /// <summary>Pick-up of one requester's jobs against the per-requester running cap.</summary>
    public static string Running(string? requesterKey) => "running:" + (requesterKey ?? "");
}
