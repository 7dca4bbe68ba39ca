using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>
/// Discord's rules for Components V2 messages (flag <see cref="ComponentsV2Flag"/>), and for classic ones without it,
/// beyond what the OpenAPI schema checks: the schema accepts a container without the flag and content beside it, six
/// action rows in a classic message and a custom_id used twice; Discord does not.
/// </summary>
public sealed partial class FakeDiscordServer
{
    public const int ComponentsV2Flag = 1 << 15;

    /// <summary>Discord counts every component in a message, nested ones included, against this.</summary>
    public const int MaxComponentsPerMessage = 40;

    /// <summary>Top-level action rows of a message without the flag (Discord's components reference: "up to 5").</summary>
    public const int MaxClassicActionRows = 5;

    /// <summary>Across all text displays of one message.</summary>
    public const int MaxTextDisplayCharacters = 4000;

    /// <summary>
    /// Answers every body with the Components V2 flag with 400 50035, as a Discord (or a proxy, or an API version) that
    /// does not take them would. A test device: the bot must then post its results the classic way.
    /// </summary>
    public bool RefuseComponentsV2 { get; set; }

    private static readonly HashSet<int> LayoutTypes = [9, 10, 11, 12, 13, 14, 17];

    /// <summary>Null when the body obeys the rules; else Discord's 400 50035.</summary>
    /// <param name="uploadNames">File names uploaded with this request.</param>
    /// <param name="keptNames">File names of the message this request keeps (an edit's <c>attachments</c> list).</param>
    private FakeResult? ComponentsV2Violation(FakeMessage message, JsonObject body, IReadOnlyCollection<string> uploadNames, IReadOnlyCollection<string> keptNames, bool isEdit)
    {
        var flags = body["flags"]?.GetValue<int>();
        var wasV2 = (message.Flags & ComponentsV2Flag) != 0;
        var isV2 = flags is { } f ? (f & ComponentsV2Flag) != 0 : isEdit && wasV2;
        if (isEdit && wasV2 && !isV2)
        {
            return FakeResult.InvalidForm("flags", "The IS_COMPONENTS_V2 flag cannot be removed from a message.");
        }

        // Unknown whether an edit may turn a classic message into a V2 one (a deferred answer's placeholder, say): the
        // strict side refuses it. EditBot sends V2 only in new messages.
        if (isEdit && !wasV2 && isV2)
        {
            return FakeResult.InvalidForm("flags", "The IS_COMPONENTS_V2 flag cannot be added to an existing message.");
        }

        var components = body["components"] as JsonArray ?? [];
        if (!isV2)
        {
            // A classic message takes action rows only at its top level, at most five (the OpenAPI schema allows 40).
            return components.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<int>() != 1) is { } layout
                ? FakeResult.InvalidForm("components", $"Component type {layout["type"]} needs the IS_COMPONENTS_V2 flag.")
                : components.Count > MaxClassicActionRows
                    ? FakeResult.InvalidForm("components", $"Must be {MaxClassicActionRows} or fewer in length (action rows of a message without IS_COMPONENTS_V2).")
                    : DuplicateCustomId(Descendants(components));
        }

        if (RefuseComponentsV2)
        {
            return FakeResult.InvalidForm("flags", "IS_COMPONENTS_V2 is not available here.");
        }

        // Whether an empty content or an empty list beside the flag is taken is not documented: the strict side refuses
        // the field's presence, whatever its value.
        if (new[] { "content", "embeds", "poll", "sticker_ids" }.Any(field => body[field] is not null))
        {
            return FakeResult.InvalidForm("content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2: content, embeds, stickers and polls cannot be used with IS_COMPONENTS_V2.");
        }

        var all = Descendants(components).ToList();
        if (all.Count > MaxComponentsPerMessage)
        {
            return FakeResult.InvalidForm("components", $"A message holds at most {MaxComponentsPerMessage} components, nested ones included; this one has {all.Count}.");
        }

        if (all.Where(c => c["type"]?.GetValue<int>() == 1).Any(row => (row["components"] as JsonArray)?.OfType<JsonObject>().Any(c => LayoutTypes.Contains(c["type"]!.GetValue<int>())) == true))
        {
            return FakeResult.InvalidForm("components", "An action row holds buttons and selects only.");
        }

        if (DuplicateCustomId(all) is { } duplicate)
        {
            return duplicate;
        }

        var text = all.Where(c => c["type"]?.GetValue<int>() == 10).Sum(c => c["content"]?.ToString().Length ?? 0);
        if (text > MaxTextDisplayCharacters)
        {
            return FakeResult.InvalidForm("components", $"Text displays hold at most {MaxTextDisplayCharacters} characters in a message; these hold {text}.");
        }

        // attachment://name must name a file of this message (uploaded now or kept from before).
        var available = uploadNames.Concat(keptNames).ToHashSet(StringComparer.Ordinal);
        var referenced = MediaUrls(all).Where(u => u.StartsWith("attachment://", StringComparison.Ordinal)).Select(u => u["attachment://".Length..]).ToList();
        if (referenced.FirstOrDefault(name => !available.Contains(name)) is { } missing)
        {
            return FakeResult.InvalidForm("components", $"attachment://{missing} is not a file of this message.");
        }

        // Discord shows a V2 message's files only where a component references them. Whether it refuses an unreferenced
        // upload is not documented: the strict side refuses, so the bot never sends a file nobody would see.
        if (uploadNames.FirstOrDefault(name => !referenced.Contains(name, StringComparer.Ordinal)) is { } hidden)
        {
            return FakeResult.InvalidForm("attachments", $"{hidden} is uploaded but no component shows it.");
        }

        return null;
    }

    /// <summary>Discord refuses a custom_id used twice in one message, classic or V2.</summary>
    private static FakeResult? DuplicateCustomId(IEnumerable<JsonObject> components)
    {
        var customIds = components.Select(c => c["custom_id"]?.ToString()).OfType<string>().ToList();
        return customIds.Count != customIds.Distinct(StringComparer.Ordinal).Count()
            ? FakeResult.InvalidForm("components", "custom_id values must be unique in a message.")
            : null;
    }

    /// <summary>As Discord answers: a gallery item's <c>attachment://name</c> becomes the file's URL and id.</summary>
    private static void ResolveMediaReferences(FakeMessage message)
    {
        foreach (var item in Descendants(message.Components).SelectMany(c => (c["items"] as JsonArray ?? []).OfType<JsonObject>()))
        {
            if (item["media"] is JsonObject media && media["url"]?.ToString() is { } url && url.StartsWith("attachment://", StringComparison.Ordinal)
                && message.Attachments.FirstOrDefault(a => a.Filename == url["attachment://".Length..]) is { } file)
            {
                media["url"] = file.Url.AbsoluteUri;
                media["proxy_url"] = file.Url.AbsoluteUri;
                media["attachment_id"] = file.Id.ToString();
                media["content_type"] = file.ContentType;
            }
        }
    }

    /// <summary>Every component of a message, containers' and action rows' children included.</summary>
    private static IEnumerable<JsonObject> Descendants(JsonArray components)
    {
        foreach (var component in components.OfType<JsonObject>())
        {
            yield return component;
            if (component["components"] is JsonArray children)
            {
                foreach (var child in Descendants(children))
                {
                    yield return child;
                }
            }

            if (component["accessory"] is JsonObject accessory)
            {
                yield return accessory;
            }
        }
    }

    private static IEnumerable<string> MediaUrls(IEnumerable<JsonObject> components)
    {
        foreach (var component in components)
        {
            foreach (var item in (component["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (item["media"]?["url"]?.ToString() is { } url)
                {
                    yield return url;
                }
            }

            if ((component["media"] ?? component["file"])?["url"]?.ToString() is { } own)
            {
                yield return own;
            }
        }
    }
}
