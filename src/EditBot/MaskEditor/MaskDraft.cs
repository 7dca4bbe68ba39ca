namespace EditBot.MaskEditor;

/// <summary>
/// Everything a mask link stands for, kept in the store under its link id: the image shown, the request's defaults,
/// who asked and where the results go. The token only carries the id and what binds it; this record says the rest,
/// and its <see cref="State"/> makes the link single-use across restarts and instances.
/// </summary>
public sealed record MaskDraft
{
    public required string LinkId { get; init; }

    public required ulong UserId { get; init; }

    /// <summary>The image as prepared for the model; the page shows it and the mask must match its size.</summary>
    public required string ImageBlob { get; init; }

    public required string ImageMediaType { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>The request's defaults and where its results go.</summary>
    public required MaskEditPlan Plan { get; init; }

    /// <summary>The job whose result is being edited (its rules still apply), if any.</summary>
    public Guid? SourceJobId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public MaskDraftState State { get; init; }

    /// <summary>When a submit took the link (<see cref="MaskDraftState.Submitting"/>): a claim older than a few minutes died with its process.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>The queued job and the link to its progress message, once used.</summary>
    public Guid? JobId { get; init; }

    public string? ResultUrl { get; init; }
}

public enum MaskDraftState
{
    Open,
    Submitting,
    Used,
}

/// <summary>
/// What an edit drawn on the page will be, fixed when its link is made: the request's defaults (the page lets the
/// person change them), the origin the job will have, and who asks.
/// </summary>
public sealed record MaskEditPlan
{
    public string Prompt { get; init; } = "";

    public string? Size { get; init; }

    public string? Quality { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>Where the job's progress and results go, as /edit would put them (no interaction token: it will have died).</summary>
    public required EditBot.Origin.DiscordOrigin Origin { get; init; }

    /// <summary>The message the progress message replies to (the command's target, the result); null for none.</summary>
    public ulong? ReplyToMessageId { get; init; }

    /// <summary>True when the results' thread starts on the progress message itself (/edit region:draw, a result's button).</summary>
    public bool AnchorOnProgress { get; init; }

    public IReadOnlyList<ulong> RoleIds { get; init; } = [];

    public ulong Permissions { get; init; }
}
