namespace EditBot.Core.Engine;

/// <summary>The engine's process-wide state for health checks, logs and admin commands.</summary>
public interface IEngineStatus
{
    /// <summary>True after the API rejected our configuration (bad key, unknown model): nothing is submitted until resumed.</summary>
    bool SubmissionsPaused { get; }

    /// <summary>Why submissions are paused (the API's message, never the key); null when running.</summary>
    string? PauseReason { get; }

    DateTimeOffset? PausedSince { get; }

    /// <summary>Jobs whose step is running in this process now.</summary>
    int InFlight { get; }

    /// <summary>Lets submissions flow again (after the operator fixed the configuration) and wakes the worker.</summary>
    void ResumeSubmissions();
}
