using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Inject;

/// <summary>A Discord user for payloads; ids are strings as on the wire.</summary>
public sealed record DiscordUserSpec(string Id, string Username, bool Bot = false)
{
    public static DiscordUserSpec Requester { get; } = new("1400000000000000001", "alice");

    public static DiscordUserSpec OtherUser { get; } = new("1400000000000000002", "bob");

    public JsonObject ToJson()
    {
        var user = new JsonObject
        {
            ["id"] = Id,
            ["username"] = Username,
            ["discriminator"] = "0",
            ["global_name"] = Username,
            ["avatar"] = null,
            ["public_flags"] = 0,
        };
        if (Bot)
        {
            user["bot"] = true;
        }

        return user;
    }
}
