using System.Text;
using System.Text.Json.Nodes;
using EditBot.TestSupport.Discord.Inject;

namespace EditBot.Benchmarks.Gateway;

/// <summary>Typical gateway frames, in wire shape, built with the test-support payload builders.</summary>
internal static class GatewaySampleFrames
{
    public static JsonObject SlashCommandPayload() =>
        InteractionPayloads.SlashCommand(
            "edit",
            CommandOption.Subcommand(
                "image",
                CommandOption.File("image", new AttachmentSpec("https://cdn.discordapp.com/attachments/1/2/cat.png?ex=1&is=2&hm=3")),
                CommandOption.Text("prompt", "put a red hat on the cat, keep the background"),
                CommandOption.Text("quality", "high"),
                CommandOption.Number("count", 2)));

    public static JsonObject MentionReplyPayload() =>
        MessagePayloads.MentionReplyToImage(
            "make the sky darker",
            MessagePayloads.Message("look at this", [new AttachmentSpec("https://cdn.discordapp.com/attachments/1/3/sky.jpg?ex=1&is=2&hm=3", "sky.jpg", "image/jpeg")]),
            referencedAttachmentsVisible: true); // the benchmark decodes the fullest frame

    public static byte[] InteractionCreate(long seq = 42) => Frame("INTERACTION_CREATE", SlashCommandPayload(), seq);

    public static byte[] MessageCreate(long seq = 43) => Frame("MESSAGE_CREATE", MentionReplyPayload(), seq);

    private static byte[] Frame(string type, JsonObject payload, long seq) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["t"] = type, ["s"] = seq, ["op"] = 0, ["d"] = payload }.ToJsonString());
}
