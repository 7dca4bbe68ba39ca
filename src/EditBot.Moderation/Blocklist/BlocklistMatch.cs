namespace EditBot.Moderation;

/// <summary>
/// The blocklist entry a prompt hit. <see cref="TimedOut"/> means a regular expression entry could not finish in
/// time; the prompt is refused all the same, since an unchecked prompt must not reach a paid API.
/// </summary>
public sealed record BlocklistMatch(BlocklistEntry Entry, bool TimedOut = false)
{
    public string Message => TimedOut
        ? $"Your prompt could not be checked against the server's blocklist entry “{Entry.Pattern}” in time; ask a server admin to simplify that entry."
        : $"Your prompt matches the server's blocklist entry “{Entry.Pattern}”.";
}
