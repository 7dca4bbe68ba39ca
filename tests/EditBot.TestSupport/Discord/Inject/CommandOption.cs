using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Inject;

/// <summary>
/// One option of a submitted slash command, in wire shape. Attachment options carry their attachment so the
/// builder can put it in <c>data.resolved.attachments</c>.
/// </summary>
public sealed record CommandOption(string Name, int Type, JsonNode? Value, IReadOnlyList<CommandOption> Options, AttachmentSpec? Attachment)
{
    public static CommandOption Text(string name, string value) => new(name, 3, JsonValue.Create(value), [], null);

    public static CommandOption Number(string name, long value) => new(name, 4, JsonValue.Create(value), [], null);

    public static CommandOption Boolean(string name, bool value) => new(name, 5, JsonValue.Create(value), [], null);

    /// <summary>An ATTACHMENT option: its value is the attachment id, the attachment goes to resolved.</summary>
    public static CommandOption File(string name, AttachmentSpec attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new(name, 11, JsonValue.Create(attachment.Id), [], attachment);
    }

    public static CommandOption Subcommand(string name, params CommandOption[] options) => new(name, 1, null, options, null);

    public static CommandOption SubcommandGroup(string name, params CommandOption[] subcommands) => new(name, 2, null, subcommands, null);

    /// <summary>This option and every nested one that carries an attachment.</summary>
    public IEnumerable<AttachmentSpec> Attachments() =>
        (Attachment is null ? [] : new[] { Attachment }).Concat(Options.SelectMany(o => o.Attachments()));

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = Name, ["type"] = Type };
        if (Value is not null)
        {
            json["value"] = Value.DeepClone();
        }

        if (Type is 1 or 2)
        {
            json["options"] = new JsonArray([.. Options.Select(o => (JsonNode)o.ToJson())]);
        }

        return json;
    }
}
