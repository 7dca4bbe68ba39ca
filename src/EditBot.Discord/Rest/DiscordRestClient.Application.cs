using EditBot.Discord.Gateway;
using EditBot.Discord.Models;

namespace EditBot.Discord.Rest;

/// <summary>Application and gateway discovery.</summary>
public sealed partial class DiscordRestClient : IGatewayInfoProvider
{
    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        GetJsonAsync(DiscordRoute.Plain(HttpMethod.Get, "/applications/@me"), DiscordJsonContext.Default.Application, cancellationToken);

    /// <summary><c>Discord:ApplicationId</c> when configured, else read once from <c>GET /applications/@me</c>.</summary>
    public async Task<ulong> GetApplicationIdAsync(CancellationToken cancellationToken)
    {
        if (_options.ApplicationId is { } configured)
        {
            return configured;
        }

        if (_applicationId.Value is { } cached)
        {
            return cached;
        }

        var application = await GetCurrentApplicationAsync(cancellationToken);
        _applicationId.Set(application.Id);
        return application.Id;
    }

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var gateway = await GetJsonAsync(DiscordRoute.Plain(HttpMethod.Get, "/gateway/bot"), DiscordJsonContext.Default.GatewayBot, cancellationToken);
        var limit = gateway.SessionStartLimit ?? new SessionStartLimit { Total = 1000, Remaining = 1000, MaxConcurrency = 1 };
        return new GatewayBotInfo(
            gateway.Url,
            Math.Max(1, gateway.Shards),
            limit.Total,
            limit.Remaining,
            TimeSpan.FromMilliseconds(limit.ResetAfter),
            Math.Max(1, limit.MaxConcurrency));
    }
}
