namespace EditBot.Bot.Delivery;

/// <summary>
/// What a delivery already did, saved after every step so a delivery run again after a crash resumes instead of
/// posting twice. Kept in the key-value store (scope "discord-delivery"), not in the job: the worker writes the job
/// it holds at the end of the step and would overwrite changes made to it meanwhile.
/// </summary>
public sealed record DeliveryRecord
{
    /// <summary>Where results are posted, once decided (a thread, or the channel).</summary>
    public ulong? DestinationChannelId { get; init; }

    public bool InThread { get; init; }

    /// <summary>Why results are not in a thread, when they should have been.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>Result messages posted so far, in order; their count is the next part to post.</summary>
    public IReadOnlyList<ulong> PostedMessageIds { get; init; } = [];

    /// <summary>
    /// The part whose send was started and not yet recorded: when a later attempt finds it set, that send may have
    /// reached Discord, so the attempt looks for it before posting again.
    /// </summary>
    public int? PendingPart { get; init; }

    /// <summary>True once results went to the requester's DMs (the token died, or a user install's follow-ups ran out).</summary>
    public bool SentToDirectMessages { get; init; }

    /// <summary>True once a part went through the interaction (a follow-up): with DMs too, the results were split.</summary>
    public bool SentThroughInteraction { get; init; }

    public bool ProgressFinalized { get; init; }

    /// <summary>Discord refused a Components V2 result card for this job: its remaining parts go the classic way.</summary>
    public bool ClassicCards { get; init; }
}
