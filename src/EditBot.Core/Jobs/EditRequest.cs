namespace EditBot.Core.Jobs;

/// <summary>
/// What the user asked for, fully resolved at intake: inputs are already normalized and stored as
/// content-addressed blobs, the size is concrete (never "auto"), and any region preset is already a mask blob.
/// </summary>
public sealed record EditRequest(
    string Prompt,
    string ImageBlob,
    string? MaskBlob,
    string Size,
    string Quality,
    int Count);
