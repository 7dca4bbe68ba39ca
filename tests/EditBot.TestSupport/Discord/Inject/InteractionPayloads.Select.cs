using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Inject;

public static partial class InteractionPayloads
{
    /// <summary>
    /// A choice in string select <paramref name="customId"/> of <paramref name="message"/> (MESSAGE_COMPONENT,
    /// component_type 3, with the chosen <paramref name="values"/>).
    /// </summary>
    public static JsonObject StringSelect(string customId, IReadOnlyList<string> values, JsonObject message, InteractionOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(message);
        var data = new JsonObject
        {
            ["custom_id"] = customId,
            ["component_type"] = 3,
            ["values"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]),
        };
        var interaction = Envelope(3, data, origin ?? InteractionOrigin.Guild);
        interaction["message"] = message.DeepClone();
        return interaction;
    }
}
