using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EditBot.TestSupport.Discord;

/// <summary>
/// A channel's message history (<c>GET /channels/{id}/messages</c>), and answers lost on the way back: the request
/// reached Discord and took effect, but the connection dropped before the client read the answer.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private readonly List<(string RouteKey, int Times)> _lostAnswers = [];

    /// <summary>
    /// The next <paramref name="times"/> requests of <paramref name="routeKey"/> are carried out, then the connection is
    /// aborted before any answer is written: the client cannot tell whether Discord acted.
    /// </summary>
    public void LoseAnswers(string routeKey, int times = 1)
    {
        lock (_sync)
        {
            _lostAnswers.Add((routeKey, times));
        }
    }

    private bool TakeLostAnswer(FakeRoute? route)
    {
        lock (_sync)
        {
            var index = route is null ? -1 : _lostAnswers.FindIndex(l => l.Times > 0 && l.RouteKey == route.Key);
            if (index < 0)
            {
                return false;
            }

            _lostAnswers[index] = _lostAnswers[index] with { Times = _lostAnswers[index].Times - 1 };
            return true;
        }
    }

    /// <summary>
    /// Newest first, at most <c>limit</c> (1-100, default 50), optionally <c>before</c> or <c>after</c> a message id.
    /// The objects carry no <c>nonce</c>: Discord returns it only to the send that set it (and in the gateway event), so
    /// the fake leaves it out where real behaviour is not documented (strict side).
    /// </summary>
    private FakeResult GetChannelMessages(FakeCall call)
    {
        if (ChannelOrError(call.Id("channel_id"), out var channel) is { } error)
        {
            return error;
        }

        var query = call.Http.Request.Query;
        var limit = 50;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return FakeResult.Error(400, 50035, "Invalid Form Body", new JsonObject
            {
                ["limit"] = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = "NUMBER_TYPE_MAX", ["message"] = "int value should be between 1 and 100." }) },
            });
        }

        var before = Snowflake(query, "before") ?? ulong.MaxValue;
        var after = Snowflake(query, "after") ?? 0;
        var messages = _messages.Values
            .Where(m => m.ChannelId == channel.Id && !m.Deleted && m.Id < before && m.Id > after)
            .OrderByDescending(m => m.Id)
            .Take(limit)
            .Select(m => (JsonNode)MessageJson(m, forFetch: true));
        return FakeResult.Ok(new JsonArray([.. messages]));
    }

    private static ulong? Snowflake(IQueryCollection query, string name) =>
        ulong.TryParse(query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
