using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Inject;

/// <summary>A submitted modal field: a Label (18) holding a TextInput (4) or a FileUpload (19), in wire shape.</summary>
public sealed record ModalField(string CustomId, string? Text, IReadOnlyList<AttachmentSpec> Files)
{
    public static ModalField TextInput(string customId, string value) => new(customId, value, []);

    /// <summary>A FileUpload; its attachments are marked ephemeral and go to <c>data.resolved.attachments</c>.</summary>
    public static ModalField FileUpload(string customId, params AttachmentSpec[] files) =>
        new(customId, null, [.. files.Select(f => f with { Ephemeral = true })]);

    internal JsonObject ToJson(int labelId)
    {
        JsonObject component = Text is not null
            ? new JsonObject { ["type"] = 4, ["id"] = labelId + 1, ["custom_id"] = CustomId, ["value"] = Text }
            : new JsonObject
            {
                ["type"] = 19,
                ["id"] = labelId + 1,
                ["custom_id"] = CustomId,
                ["values"] = new JsonArray([.. Files.Select(f => (JsonNode)JsonValue.Create(f.Id))]),
            };
        return new JsonObject { ["type"] = 18, ["id"] = labelId, ["component"] = component };
    }
}
