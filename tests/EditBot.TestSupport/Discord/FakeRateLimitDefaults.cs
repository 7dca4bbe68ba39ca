namespace EditBot.TestSupport.Discord;

/// <summary>
/// Discord's per-route limits as far as they are documented or observed, so tests meet the limits production meets.
/// Discord publishes no table (clients must read the headers); the figures are the ones bots observe. Where nothing
/// is known the fake takes the strict side, so a bot that copes here copes there.
/// </summary>
internal static class FakeRateLimitDefaults
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Routes not listed: Discord does not publish them; 5 per second is below anything observed for the routes the
    /// bot reads (channel, message, commands), so it is the strict side while still letting a normal flow through.
    /// </summary>
    public static FakeRateLimitRule Unlisted(string routeKey) => new(routeKey, 5, TimeSpan.FromSeconds(1));

    public static Dictionary<string, FakeRateLimitRule> Create() => new(StringComparer.Ordinal)
    {
        // Observed 5 per 5 s per channel; create, edit and delete are separate buckets on Discord (not shared).
        ["POST /channels/{channel_id}/messages"] = new("messages.create", 5, FiveSeconds),
        ["PATCH /channels/{channel_id}/messages/{message_id}"] = new("messages.edit", 5, FiveSeconds),
        ["DELETE /channels/{channel_id}/messages/{message_id}"] = new("messages.delete", 5, FiveSeconds),

        // Thread creation: 5 per 5 s per channel. Whether the two routes share a bucket is not documented; the fake
        // shares them (the strict side), which also makes the client learn a bucket hash that spans routes.
        ["POST /channels/{channel_id}/messages/{message_id}/threads"] = new("threads.create", 5, FiveSeconds),
        ["POST /channels/{channel_id}/threads"] = new("threads.create", 5, FiveSeconds),

        // Callbacks: Discord only says they are exempt from the global limit; one answer per interaction is the
        // real rule (40060). 5 per 5 s per interaction is strict and harmless.
        ["POST /interactions/{interaction_id}/{interaction_token}/callback"] = new("interaction.callback", 5, FiveSeconds),

        // Webhooks: observed 5 per 2 s per webhook id and token. Whether executing and editing share that bucket is
        // not documented; the fake shares every route of the token (the strict side: progress edits and follow-ups
        // of one interaction compete, as they may on Discord).
        ["GET /webhooks/{application_id}/{interaction_token}/messages/@original"] = Webhook,
        ["PATCH /webhooks/{application_id}/{interaction_token}/messages/@original"] = Webhook,
        ["DELETE /webhooks/{application_id}/{interaction_token}/messages/@original"] = Webhook,
        ["POST /webhooks/{application_id}/{interaction_token}"] = Webhook,
        ["GET /webhooks/{application_id}/{interaction_token}/messages/{message_id}"] = Webhook,
        ["PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}"] = Webhook,
        ["DELETE /webhooks/{application_id}/{interaction_token}/messages/{message_id}"] = Webhook,
    };

    private static FakeRateLimitRule Webhook => new("webhook", 5, TimeSpan.FromSeconds(2));
}
