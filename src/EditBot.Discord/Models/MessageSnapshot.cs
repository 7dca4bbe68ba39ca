namespace EditBot.Discord.Models;

/// <summary>
/// What a forwarded message carries of the original (OpenAPI <c>MessageSnapshotResponse</c>): a copy taken when it was
/// forwarded, which later edits of the original do not change. The forward itself has no files of its own.
/// </summary>
public sealed record MessageSnapshot
{
    public SnapshotMessage? Message { get; init; }
}
