namespace EditBot.TestSupport.Discord.Gateway;

/// <summary>
/// The daily session-start limit. Discord documents what exceeding it costs: "all active sessions for the bot will
/// be terminated, the bot's token will be reset, and the owner will receive an email notification". The fake does
/// the same: an IDENTIFY with no session start left closes every connection with 4004 and from then on every
/// IDENTIFY and RESUME is refused with 4004, so a bot that overspends loses its gateway for the rest of the test.
/// </summary>
public sealed partial class FakeDiscordGateway
{
    private bool _tokenReset;

    /// <summary>True once an IDENTIFY came with the budget used up: the token is dead, as on Discord.</summary>
    public bool TokenReset
    {
        get
        {
            lock (_lock)
            {
                return _tokenReset;
            }
        }
    }

    private async Task<bool> AuthenticateAsync(FakeGatewayConnection connection, string token)
    {
        if (!TokenReset && (RequiredToken is null || token == RequiredToken))
        {
            return true;
        }

        await connection.TryCloseAsync(4004, "Authentication failed.");
        return false;
    }

    private async Task<bool> TakeSessionStartAsync()
    {
        if (SessionStarts.TryTake())
        {
            return true;
        }

        lock (_lock)
        {
            _tokenReset = true;
            foreach (var session in _sessions.Values)
            {
                session.Invalidated = true;
            }
        }

        await CloseAsync(4004, "Authentication failed.");
        return false;
    }
}
