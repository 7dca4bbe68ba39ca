using Microsoft.AspNetCore.Http;

namespace EditBot.TestSupport.Discord;

/// <summary>
/// A REST outage: added for the outage tests, which need every route down for a while (not one forced error at a
/// time). While <see cref="Unavailable"/>, every request is logged and answered 503, as Discord's edge does in an
/// outage; the bot's own retries of 502/503/504 then run out and its callers must cope.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private volatile bool _unavailable;

    public bool Unavailable
    {
        get => _unavailable;
        set => _unavailable = value;
    }

    private bool AnswerUnavailable(HttpContext context, FakeDiscordRequest logged)
    {
        if (!_unavailable)
        {
            return false;
        }

        logged.Status = StatusCodes.Status503ServiceUnavailable;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return true;
    }
}
