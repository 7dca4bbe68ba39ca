using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Inject;

/// <summary>
/// INTERACTION_CREATE payloads in Discord's wire shape (the gateway event's <c>d</c>, or the HTTP endpoint's body):
/// slash commands, message commands, button clicks and modal submits, from a guild or a DM.
/// </summary>
public static partial class InteractionPayloads
{
    /// <summary>The PING Discord sends to check an HTTP interactions endpoint.</summary>
    public static JsonObject Ping(string applicationId = "1100000000000000001") => new()
    {
        ["id"] = TestSnowflakes.Next(),
        ["application_id"] = applicationId,
        ["type"] = 1,
        ["token"] = "test-ping-token",
        ["version"] = 1,
    };

    /// <summary>A click on button <paramref name="customId"/> of <paramref name="message"/> (MESSAGE_COMPONENT, component_type 2).</summary>
    public static JsonObject ButtonClick(string customId, JsonObject message, InteractionOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var interaction = Envelope(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, origin ?? InteractionOrigin.Guild);
        interaction["message"] = message.DeepClone();
        return interaction;
    }

    private static JsonObject Envelope(int type, JsonObject data, InteractionOrigin origin)
    {
        var interaction = new JsonObject
        {
            ["id"] = origin.InteractionId,
            ["application_id"] = origin.ApplicationId,
            ["type"] = type,
            ["data"] = data,
        };
        var channel = new JsonObject { ["id"] = origin.ChannelId, ["type"] = origin.ChannelType };
        if (origin.GuildId is { } guildId)
        {
            interaction["guild_id"] = guildId;
            interaction["guild"] = new JsonObject { ["id"] = guildId, ["locale"] = origin.Locale, ["features"] = new JsonArray() };
            channel["guild_id"] = guildId;
            channel["name"] = origin.ChannelType is 11 or 12 ? "edit thread" : "general";
            if (origin.ParentChannelId is { } parent)
            {
                channel["parent_id"] = parent;
            }

            interaction["member"] = Member(origin);
            interaction["guild_locale"] = origin.Locale;
            interaction["authorizing_integration_owners"] = origin.UserInstall
                ? new JsonObject { ["1"] = origin.User.Id }
                : new JsonObject { ["0"] = guildId };
            interaction["context"] = 0;
        }
        else
        {
            // Discord: a server install's key in the bot's own DM is "0" with the value "0"; a user install's is "1", the user.
            interaction["user"] = origin.User.ToJson();
            var privateChannel = origin.ChannelType == 3; // a group DM: only a user install reaches it
            interaction["authorizing_integration_owners"] = origin.UserInstall || privateChannel
                ? new JsonObject { ["1"] = origin.User.Id }
                : new JsonObject { ["0"] = "0" };
            interaction["context"] = privateChannel ? 2 : 1;
        }

        interaction["channel"] = channel;
        interaction["channel_id"] = origin.ChannelId;
        interaction["token"] = origin.Token;
        interaction["version"] = 1;
        interaction["app_permissions"] = origin.AppPermissions;
        interaction["locale"] = origin.Locale;
        interaction["entitlements"] = new JsonArray();
        interaction["attachment_size_limit"] = origin.AttachmentSizeLimit;
        return interaction;
    }

    private static JsonObject Member(InteractionOrigin origin) => new()
    {
        ["user"] = origin.User.ToJson(),
        ["roles"] = new JsonArray([.. origin.MemberRoles.Select(r => (JsonNode)JsonValue.Create(r))]),
        ["permissions"] = origin.MemberPermissions,
        ["nick"] = null,
        ["avatar"] = null,
        ["joined_at"] = "2024-01-01T00:00:00.000000+00:00",
        ["premium_since"] = null,
        ["deaf"] = false,
        ["mute"] = false,
        ["pending"] = false,
        ["flags"] = 0,
    };

    private static JsonObject ResolvedAttachments(IEnumerable<AttachmentSpec> attachments)
    {
        var resolved = new JsonObject();
        foreach (var attachment in attachments)
        {
            resolved[attachment.Id] = attachment.ToJson();
        }

        return resolved;
    }
}
