namespace EditBot.TestSupport.Discord;

/// <summary>A route of the fake. Templates use the same parameter names as the client's route keys.</summary>
public sealed record FakeRoute(string Method, string Template, Func<FakeCall, FakeResult> Handler)
{
    private readonly string[] _segments = Template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public string Key => Method + " " + Template;

    /// <summary>Interaction routes need no bot token and are exempt from the global limit.</summary>
    public bool IsInteractionRoute => Template.StartsWith("/interactions/", StringComparison.Ordinal) || Template.StartsWith("/webhooks/", StringComparison.Ordinal);

    public Dictionary<string, string>? Match(string method, string path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != _segments.Length)
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            if (_segments[i].StartsWith('{'))
            {
                parameters[_segments[i].Trim('{', '}')] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(_segments[i], segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return parameters;
    }

    /// <summary>The top-level resource a bucket is per: channel, guild, or webhook/interaction id and token.</summary>
    public string Major(IReadOnlyDictionary<string, string> parameters) =>
        parameters.TryGetValue("channel_id", out var channel) ? "channel:" + channel
        : parameters.TryGetValue("guild_id", out var guild) ? "guild:" + guild
        : parameters.TryGetValue("interaction_token", out var token) ? "token:" + token
        : "";
}
