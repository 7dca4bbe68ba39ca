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

    /// <summary>
    /// The body the bot's interactions endpoint answered Discord's HTTP POST with (the Http transport), or null. Like a
    /// REST callback it is the acknowledgement when it comes first; it is recorded whether accepted or refused.
    /// </summary>
    public JsonObject? HttpReply { get; set; }

    /// <summary>When Discord sent the interaction (the fake's clock): the 3-second deadline of the first answer runs from here.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How many acknowledgements were accepted: over the HTTP reply or the callback route. More than one is a fake bug.</summary>
    public int Acknowledgements { get; set; }

    /// <summary>First answers refused because one was already accepted (400, code 40060).</summary>
    public int AlreadyAcknowledgedRefusals { get; set; }

    /// <summary>First answers refused because they came after the 3-second deadline (404, code 10062).</summary>
    public int LateRefusals { get; set; }

    /// <summary>The type of the accepted callback, or null before it.</summary>
    public int? ResponseType { get; set; }

    /// <summary>The modal data when the response was a modal (type 9).</summary>
    public JsonObject? Modal { get; set; }

    public ulong? OriginalMessageId { get; set; }

    public List<ulong> FollowupMessageIds { get; } = [];

    /// <summary>
    /// No server install authorized it (<c>authorizing_integration_owners</c> without the key "0"): Discord then allows at
    /// most five follow-up messages, and the sixth is refused with 400 40094. Discord's documentation words the rule as
    /// "only contains USER_INSTALL" and makes no exception for the bot's own DM, so neither does the fake (strict side).
    /// </summary>
    public bool FollowupsLimited { get; set; }

    /// <summary>When set, webhook routes answer 401 50027 as after 15 minutes.</summary>
    public bool Expired { get; set; }
}
