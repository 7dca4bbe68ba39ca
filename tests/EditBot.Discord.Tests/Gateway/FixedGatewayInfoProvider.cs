using EditBot.Discord.Gateway;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>The /gateway/bot answer for tests: the fake gateway's URL and limits.</summary>
internal sealed class FixedGatewayInfoProvider(GatewayBotInfo info) : IGatewayInfoProvider
{
    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) => Task.FromResult(info);
}
