using EditBot.Discord.Gateway;
using EditBot.Discord.Rest;

namespace EditBot.Bot.DiscordStartup;

/// <summary>
/// <c>GET /gateway/bot</c> retried until Discord answers, so the gateway starts whenever Discord comes back instead
/// of failing the host. A rejected token becomes a <see cref="GatewayFatalException"/>: the gateway's own way to stop
/// the bot with one line.
/// </summary>
public sealed class RetryingGatewayInfoProvider(DiscordRestClient rest, DiscordStartupRetry retry) : IGatewayInfoProvider
{
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await retry.RunAsync("GET /gateway/bot", rest.GetGatewayBotAsync, cancellationToken);
        }
        catch (DiscordRefusedException refused)
        {
            throw new GatewayFatalException(refused.Message, refused);
        }
    }
}
