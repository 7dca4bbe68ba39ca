using Microsoft.AspNetCore.Http;

namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>
/// What the fake checks in the URL a client connects to: the query Discord requires, and that a RESUME comes in on
/// the <c>resume_gateway_url</c> READY gave rather than on the URL <c>GET /gateway/bot</c> names.
/// </summary>
public sealed partial class FakeDiscordGateway
{
    /// <summary>The path of <see cref="ResumeUrl"/>: distinct from the gateway URL's, as Discord's resume host is.</summary>
    public const string ResumePath = "/resume";

    /// <summary>READY's <c>resume_gateway_url</c>: the same server under <see cref="ResumePath"/>.</summary>
    public Uri ResumeUrl => new(Url, ResumePath);

    /// <summary>
    /// Discord asks for <c>?v=10&amp;encoding=json</c> on every gateway URL. With another version it closes with 4012
    /// (invalid API version); without <c>v</c> it falls back to an old default version and without <c>encoding</c>
    /// to JSON, but neither fallback is a contract. The fake takes the strict side: a missing or other <c>v</c>
    /// closes with 4012, a missing or other <c>encoding</c> with 4002 (decode error), before HELLO.
    /// </summary>
    internal static (int Code, string Reason)? RefusedQuery(HttpRequest request)
    {
        if (request.Query["v"] != "10")
        {
            return (4012, "Invalid API version.");
        }

        return request.Query["encoding"] != "json" ? (4002, "Error while decoding payload.") : null;
    }

    /// <summary>
    /// Discord says a RESUME must go to <c>resume_gateway_url</c> and that one sent elsewhere "may" be disconnected
    /// more often; the fake takes the strict side: a RESUME on any other path is answered op 9 (not resumable) and
    /// the session ends, so the client must identify again and its test sees the extra IDENTIFY.
    /// </summary>
    internal static bool CameToResumeUrl(HttpRequest request) => request.Path == ResumePath;
}
