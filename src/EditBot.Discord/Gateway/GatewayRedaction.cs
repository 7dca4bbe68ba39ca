namespace EditBot.Discord.Gateway;

/// <summary>Keeps secrets out of logs: a session id is enough to resume someone's session, so only its start is shown.</summary>
internal static class GatewayRedaction
{
    public static string SessionId(string? sessionId) =>
        string.IsNullOrEmpty(sessionId) ? "(none)" : string.Concat(sessionId.AsSpan(0, Math.Min(4, sessionId.Length)), "…");

    /// <summary>The URL without its query, for logs.</summary>
    public static string Url(Uri url) => url.GetLeftPart(UriPartial.Path);
}
