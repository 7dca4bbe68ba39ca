using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Inject;

public static partial class InteractionPayloads
{
    /// <summary>
    /// A slash command (APPLICATION_COMMAND, data.type 1) with <paramref name="options"/>; attachment options' files
    /// are listed in <c>data.resolved.attachments</c>. E.g.
    /// <c>SlashCommand("edit", CommandOption.File("image", img), CommandOption.Text("prompt", "a hat"))</c>.
    /// </summary>
    public static JsonObject SlashCommand(string commandName, params CommandOption[] options) =>
        SlashCommand(commandName, InteractionOrigin.Guild, options);

    public static JsonObject SlashCommand(string commandName, InteractionOrigin origin, params CommandOption[] options)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var data = new JsonObject
        {
            ["id"] = CommandId(commandName),
            ["name"] = commandName,
            ["type"] = 1,
            ["options"] = new JsonArray([.. options.Select(o => (JsonNode)o.ToJson())]),
        };
        var attachments = options.SelectMany(o => o.Attachments()).ToList();
        if (attachments.Count > 0)
        {
            data["resolved"] = new JsonObject { ["attachments"] = ResolvedAttachments(attachments) };
        }

        if (origin.GuildId is { } guildId)
        {
            data["guild_id"] = guildId;
        }

        return Envelope(2, data, origin);
    }

    /// <summary>
    /// A message context-menu command (APPLICATION_COMMAND, data.type 3, "Apps → Edit image") on
    /// <paramref name="targetMessage"/> (build it with <see cref="MessagePayloads.Message"/>), which is put in
    /// <c>data.resolved.messages</c> and named by <c>data.target_id</c>.
    /// </summary>
    public static JsonObject MessageCommand(string commandName, JsonObject targetMessage, InteractionOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(targetMessage);
        var targetId = (string)targetMessage["id"]!;
        var data = new JsonObject
        {
            ["id"] = CommandId(commandName),
            ["name"] = commandName,
            ["type"] = 3,
            ["target_id"] = targetId,
            ["resolved"] = new JsonObject { ["messages"] = new JsonObject { [targetId] = targetMessage.DeepClone() } },
        };
        return Envelope(2, data, origin ?? InteractionOrigin.Guild);
    }

    /// <summary>A modal submit (type 5) of modal <paramref name="customId"/>; FileUpload fields' files go to resolved.attachments.</summary>
    public static JsonObject ModalSubmit(string customId, IEnumerable<ModalField> fields, InteractionOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var list = fields.ToList();
        var data = new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray([.. list.Select((f, i) => (JsonNode)f.ToJson((i * 2) + 1))]),
        };
        var files = list.SelectMany(f => f.Files).ToList();
        if (files.Count > 0)
        {
            data["resolved"] = new JsonObject { ["attachments"] = ResolvedAttachments(files) };
        }

        return Envelope(5, data, origin ?? InteractionOrigin.Guild);
    }

    /// <summary>A stable command id per name, as a registered command would have.</summary>
    private static string CommandId(string commandName) =>
        (1_500_000_000_000_000_000L + (Math.Abs(StringComparer.Ordinal.GetHashCode(commandName) % 1_000_000))).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
