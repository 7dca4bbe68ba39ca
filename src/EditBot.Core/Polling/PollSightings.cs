namespace EditBot.Core.Polling;

/// <summary>
/// What the polls so far have seen of where a request is, in time since its submission. GMI's record has no
/// processing-start timestamp, so the start is known only to lie after the last poll that saw the request waiting
/// (or the submission) and no later than the first poll that saw it processing.
/// </summary>
/// <param name="WaitingAt">The last poll that saw it waiting (created, queued, dispatched); null when none did.</param>
/// <param name="ProcessingAt">The first poll that saw it processing; null while none has.</param>
public readonly record struct PollSightings(TimeSpan? WaitingAt, TimeSpan? ProcessingAt)
{
    /// <summary>Nothing seen: the schedule counts from the submission alone.</summary>
    public static PollSightings None => default;

    /// <summary>The middle of the window in which processing began (it is about equally likely anywhere in it), once seen.</summary>
    public TimeSpan? ProcessingStart => ProcessingAt is { } seen ? ((WaitingAt ?? TimeSpan.Zero) + seen) / 2 : null;
}
