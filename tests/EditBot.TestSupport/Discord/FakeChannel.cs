using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>A channel of the fake: 0 text, 1 DM, 5 announcement, 10/11/12 threads, 15 forum, 16 media.</summary>
public sealed class FakeChannel(ulong id, int type, ulong? guildId, ulong? parentId, string name)
{
    public ulong Id { get; } = id;

    public int Type { get; } = type;

    public ulong? GuildId { get; } = guildId;

    public ulong? ParentId { get; } = parentId;

    public string Name { get; set; } = name;

    public ulong? RecipientId { get; init; }

    public bool IsThread => Type is 10 or 11 or 12;

    /// <summary>A locked thread: only members with Manage Threads (not the bot) may post; others get 403 160005.</summary>
    public bool Locked { get; set; }

    /// <summary>
    /// An archived thread: set by a test (<see cref="FakeDiscordServer.ArchiveThread"/>) or by the fake after
    /// <see cref="AutoArchiveMinutes"/> without a message; a post by the bot reopens it unless it is locked.
    /// </summary>
    public bool Archived { get; set; }

    /// <summary>The thread's auto_archive_duration (minutes of inactivity; Discord: 60, 1440, 4320 or 10080).</summary>
    public int AutoArchiveMinutes { get; set; } = 1440;

    /// <summary>When the thread last had a message (or was created or reopened), on the fake's clock.</summary>
    public DateTimeOffset LastActivity { get; set; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id.ToString(), ["type"] = Type, ["name"] = Name };
        if (GuildId is { } guild)
        {
            json["guild_id"] = guild.ToString();
        }

        if (ParentId is { } parent)
        {
            json["parent_id"] = parent.ToString();
        }

        if (IsThread)
        {
            json["thread_metadata"] = new JsonObject { ["archived"] = Archived, ["auto_archive_duration"] = AutoArchiveMinutes, ["locked"] = Locked };
        }

        if (RecipientId is { } recipient)
        {
            json["recipients"] = new JsonArray(new JsonObject { ["id"] = recipient.ToString(), ["username"] = "user" + recipient });
        }

        return json;
    }
}
