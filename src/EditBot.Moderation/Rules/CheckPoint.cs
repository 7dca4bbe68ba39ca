namespace EditBot.Moderation;

/// <summary>When rules are checked: at intake (before a job exists) or just before the job is submitted.</summary>
public enum CheckPoint
{
    Intake,

    /// <summary>
    /// Cooldown is not checked here (it limits how often requests are made, and the request was made at intake),
    /// and usage counts only jobs already sent to the API, so jobs still waiting do not hold each other back.
    /// </summary>
    Submission,
}
