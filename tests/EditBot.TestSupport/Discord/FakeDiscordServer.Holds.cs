using EditBot.TestSupport.Gmi;

namespace EditBot.TestSupport.Discord;

/// <summary>Hold points: requests of a route wait (logged, not yet answered) while the route's gate is closed.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<string, FakeGmiGate> _holds = new(StringComparer.Ordinal);

    /// <summary>
    /// The gate of a route (key like <c>POST /channels/{channel_id}/messages</c>), the same kind the fake GMI holds its
    /// calls at: close it and the route's requests are logged and then wait, unanswered, until it opens.
    /// </summary>
    public FakeGmiGate Hold(string routeKey)
    {
        lock (_sync)
        {
            if (!_holds.TryGetValue(routeKey, out var gate))
            {
                gate = new FakeGmiGate();
                _holds[routeKey] = gate;
            }

            return gate;
        }
    }

    private Task PassHoldAsync(FakeRoute? route, CancellationToken cancellationToken)
    {
        FakeGmiGate? gate = null;
        lock (_sync)
        {
            if (route is not null)
            {
                _holds.TryGetValue(route.Key, out gate);
            }
        }

        return gate?.PassAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
