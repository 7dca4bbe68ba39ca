using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>Application commands, global and per guild.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<ulong, JsonArray> _commands = [];

    /// <summary>How many bulk overwrites (PUT) the fake received.</summary>
    public int CommandOverwrites { get; private set; }

    /// <summary>The registered commands (guild 0 = global), as Discord would list them.</summary>
    public IReadOnlyList<JsonObject> Commands(ulong? guildId = null)
    {
        lock (_sync)
        {
            return [.. (_commands.GetValueOrDefault(guildId ?? 0) ?? []).OfType<JsonObject>().Select(c => (JsonObject)c.DeepClone())];
        }
    }

    private FakeResult GetCommands(FakeCall call, ulong? guildId) =>
        call.Id("application_id") != ApplicationId
            ? FakeResult.Forbidden(50001)
            : FakeResult.Ok((_commands.GetValueOrDefault(guildId ?? 0) ?? []).DeepClone());

    private FakeResult OverwriteCommands(FakeCall call, ulong? guildId)
    {
        if (call.Id("application_id") != ApplicationId)
        {
            return FakeResult.Forbidden(50001);
        }

        if (call.JsonNode is not JsonArray requested)
        {
            return FakeResult.InvalidForm("_root", "Expected an array of commands.");
        }

        var existing = _commands.GetValueOrDefault(guildId ?? 0) ?? [];
        var stored = new JsonArray();
        foreach (var command in requested.OfType<JsonObject>())
        {
            var copy = (JsonObject)command.DeepClone();
            var type = copy["type"]?.GetValue<int>() ?? 1;
            var previous = existing.OfType<JsonObject>().FirstOrDefault(
                c => c["name"]?.ToString() == copy["name"]?.ToString() && (c["type"]?.GetValue<int>() ?? 1) == type);
            copy["id"] = previous?["id"]?.ToString() ?? NextId().ToString();
            copy["application_id"] = ApplicationId.ToString();
            copy["version"] = NextId().ToString();
            copy["type"] = type;
            copy["description"] ??= "";
            copy["default_member_permissions"] = copy["default_member_permissions"]?.ToString();
            if (guildId is { } guild)
            {
                copy["guild_id"] = guild.ToString();
            }

            stored.Add(copy);
        }

        _commands[guildId ?? 0] = stored;
        CommandOverwrites++;
        return FakeResult.Ok(stored.DeepClone());
    }
}
