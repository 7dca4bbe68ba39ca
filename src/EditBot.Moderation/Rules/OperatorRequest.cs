namespace EditBot.Moderation;

/// <summary>
/// A request as the operator's rules see it: who, whether in a direct message, and what. Built from a server
/// request, a DM request, or a stored job; see <see cref="OperatorRules"/>.
/// </summary>
public sealed record OperatorRequest(ulong UserId, bool DirectMessage, string Prompt, int Count, string Quality, string Size, bool UserInstallOnly = false)
{
    public static OperatorRequest From(ModerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.UserId, request.DirectMessage, request.Prompt, request.Count, request.Quality, request.Size);
    }
}
