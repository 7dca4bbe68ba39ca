using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EditBot.Discord.Rest;

/// <summary>
/// One REST call: method, route template (the rate-limit identity), concrete path and the top-level resource the
/// bucket is scoped to. Webhook and interaction tokens are only in <see cref="Path"/>; <see cref="MajorParameter"/>
/// carries a hash of them, and logs and exceptions use <see cref="Template"/>, so a token never leaves this object.
/// </summary>
public sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool ExemptFromGlobalLimit)
{
    /// <summary>Route identity used until Discord tells the bucket hash: e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string RouteKey => Method.Method + " " + Template;

    public override string ToString() => RouteKey;

    public static DiscordRoute Plain(HttpMethod method, string path) => new(method, path, path, "", false);

    public static DiscordRoute Channel(HttpMethod method, string template, ulong channelId, string path) =>
        new(method, template, path, "channel:" + Id(channelId), false);

    public static DiscordRoute Guild(HttpMethod method, string template, ulong guildId, string path) =>
        new(method, template, path, "guild:" + Id(guildId), false);

    /// <summary>Interaction webhook routes (<c>/webhooks/{app}/{token}…</c>): not counted against the global limit.</summary>
    public static DiscordRoute InteractionWebhook(HttpMethod method, string template, ulong applicationId, string token, string path) =>
        new(method, template, path, "webhook:" + Id(applicationId) + ":" + HashToken(token), true);

    /// <summary>The interaction callback: not counted against the global limit.</summary>
    public static DiscordRoute InteractionCallback(ulong interactionId, string token, string path) =>
        new(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", path,
            "interaction:" + Id(interactionId) + ":" + HashToken(token), true);

    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A short, irreversible stand-in for a token so buckets can be told apart without keeping the secret.</summary>
    public static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 8);
}
