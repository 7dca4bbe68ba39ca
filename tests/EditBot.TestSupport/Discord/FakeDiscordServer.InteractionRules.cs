using System.Globalization;
using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>Discord's rules on which interactions exist and how long their tokens live.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>
    /// How long an interaction token works for the webhook routes, counted on the fake's clock from when the
    /// interaction was sent (Discord: 15 minutes); later calls get 401 50027 Invalid Webhook Token.
    /// </summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Registers an interaction from its wire payload, as Discord sends it: refuses (throws) a command or autocomplete
    /// interaction for a command the application has not registered, because Discord never sends one; a component's
    /// message becomes its source message.
    /// </summary>
    public FakeInteraction RegisterInteraction(JsonObject interaction, ulong? sourceMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        RequireRegisteredCommand(interaction);
        var id = ulong.Parse(interaction["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var channel = ulong.Parse(interaction["channel_id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var source = sourceMessageId ?? (interaction["message"]?["id"]?.GetValue<string>() is { } message ? ulong.Parse(message, CultureInfo.InvariantCulture) : null);
        var registered = RegisterInteraction(id, interaction["token"]!.GetValue<string>(), channel, source);
        registered.FollowupsLimited = !Installs(interaction).Contains(0);
        return registered;
    }

    /// <summary>Throws when the payload invokes a command (type 2 or 4) that is not registered globally or in its guild.</summary>
    public void RequireRegisteredCommand(JsonObject interaction)
    {
        if (!IsCommandRegistered(interaction))
        {
            var data = interaction["data"]!;
            var guild = interaction["guild_id"]?.GetValue<string>();
            throw new InvalidOperationException(
                $"Discord never sends an interaction for command '{data["name"]}' (type {data["type"]?.GetValue<int>() ?? 1}): it is not registered for this application"
                + (guild is null ? "" : $" globally or in guild {guild}") + ". Register the command first (the bot does at start-up).");
        }
    }

    /// <summary>
    /// False only for a command or autocomplete interaction whose command (or subcommand) is not registered globally or
    /// in its guild, or is registered but not for where it was used: Discord offers a command only in its <c>contexts</c>
    /// (all when absent) and to the installs its <c>integration_types</c> names (see <see cref="OfferedTo"/>).
    /// </summary>
    public bool IsCommandRegistered(JsonObject interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction["type"]?.GetValue<int>() is not (2 or 4) || interaction["data"] is not JsonObject data)
        {
            return true;
        }

        var name = data["name"]?.ToString();
        var type = data["type"]?.GetValue<int>() ?? 1;
        var guild = interaction["guild_id"]?.GetValue<string>() is { } g ? ulong.Parse(g, CultureInfo.InvariantCulture) : 0;
        var installs = Installs(interaction);
        lock (_sync)
        {
            var global = (_commands.GetValueOrDefault(0UL) ?? []).OfType<JsonObject>().Select(c => (Command: c, Global: true));
            var guildOnes = (guild == 0 ? [] : _commands.GetValueOrDefault(guild) ?? []).OfType<JsonObject>().Select(c => (Command: c, Global: false));
            var context = interaction["context"]?.GetValue<int>();
            return global.Concat(guildOnes).Any(r => r.Command["name"]?.ToString() == name && (r.Command["type"]?.GetValue<int>() ?? 1) == type
                && (context is null || r.Command["contexts"] is not JsonArray contexts || contexts.Any(x => x?.GetValue<int>() == context))
                && OfferedTo(r.Command, r.Global, installs)
                && SubcommandRegistered(r.Command, data));
        }
    }

    /// <summary>
    /// The installs that authorized an interaction: the keys of <c>authorizing_integration_owners</c> (0 a server's, 1 the
    /// user's). A payload without the field (from before user installs) came through a server install.
    /// </summary>
    private static HashSet<int> Installs(JsonObject interaction) =>
        interaction["authorizing_integration_owners"] is JsonObject owners
            ? [.. owners.Select(o => int.TryParse(o.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var install) ? install : -1)]
            : [0];

    /// <summary>
    /// Whether one of the installs that authorized an interaction offers the command. A guild command comes only with
    /// that server's install. A global command comes with the installs its <c>integration_types</c> lists; where it lists
    /// none, Discord takes "your app's configured contexts", which the fake cannot know: it takes the server install alone
    /// (strict side), so a command meant for user installs must say so.
    /// </summary>
    private static bool OfferedTo(JsonObject command, bool global, HashSet<int> installs) =>
        global
            ? (command["integration_types"] is JsonArray types ? types.Select(t => t is JsonValue v && v.TryGetValue<int>(out var i) ? i : -1) : [0]).Any(installs.Contains)
            : installs.Contains(0);

    /// <summary>
    /// Discord offers only the subcommands (type 1) and groups (type 2) a command registered: the path the interaction
    /// names (a group, then a subcommand) must be among the registered options, level by level.
    /// </summary>
    private static bool SubcommandRegistered(JsonObject command, JsonObject data)
    {
        var sent = data["options"] as JsonArray;
        var registered = command["options"] as JsonArray;
        while (sent?.OfType<JsonObject>().FirstOrDefault(o => o["type"]?.GetValue<int>() is 1 or 2) is { } option)
        {
            var match = registered?.OfType<JsonObject>().FirstOrDefault(r =>
                r["name"]?.ToString() == option["name"]?.ToString() && r["type"]?.GetValue<int>() == option["type"]?.GetValue<int>());
            if (match is null)
            {
                return false;
            }

            (sent, registered) = (option["options"] as JsonArray, match["options"] as JsonArray);
        }

        return true;
    }

    private bool TokenExpired(FakeInteraction interaction) =>
        interaction.Expired || (interaction.SentAt is { } sent && _timeProvider.GetUtcNow() - sent >= InteractionTokenLifetime);
}
