using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>What the fake saw for one interaction token: its callback, original response and follow-ups.</summary>
public sealed class FakeInteraction(ulong id, string token, ulong channelId)
{
    public ulong Id { get; } = id;

    public string Token { get; } = token;

    public ulong ChannelId { get; set; } = channelId;

    /// <summary>The message a component interaction came from (used by callback types 6 and 7).</summary>
    public ulong? SourceMessageId { get; set; }

    /// <summary>Callback bodies received (a second one is rejected with 40060, but still recorded here).</summary>
    public List<JsonObject> Callbacks { get; } = [];

    /// <summary>The type of the accepted callback, or null before it.</summary>
    public int? ResponseType { get; set; }

    /// <summary>The modal data when the response was a modal (type 9).</summary>
    public JsonObject? Modal { get; set; }

    public ulong? OriginalMessageId { get; set; }

    public List<ulong> FollowupMessageIds { get; } = [];

    /// <summary>When set, webhook routes answer 401 50027 as after 15 minutes.</summary>
    public bool Expired { get; set; }
}
