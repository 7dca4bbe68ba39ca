namespace EditBot.TestSupport.Discord;

/// <summary>
/// Routes answered differently from Discord: Discord-compatible servers (emulators, proxies) may lack a route or
/// answer it with something else, and the bot must cope with that without a real one to test against.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<string, FakeResult> _routeOverrides = new(StringComparer.Ordinal);

    /// <summary>
    /// From now on answers every request to this route (key like <c>GET /applications/{application_id}/commands</c>)
    /// with <paramref name="answer"/> instead of handling it. The request is still logged and contract-checked.
    /// </summary>
    public void OverrideRoute(string routeKey, FakeResult answer)
    {
        lock (_sync)
        {
            _routeOverrides[routeKey] = answer;
        }
    }

    /// <summary>Answers this route as a server that does not have it: 404 with Discord's plain not-found body.</summary>
    public void RemoveRoute(string routeKey) => OverrideRoute(routeKey, FakeResult.Error(404, 0, "404: Not Found"));

    private FakeResult? TakeOverride(string routeKey)
    {
        lock (_sync)
        {
            return _routeOverrides.GetValueOrDefault(routeKey);
        }
    }
}
