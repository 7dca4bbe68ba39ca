using EditBot.Discord.Models;

namespace EditBot.Bot.Entry;

/// <summary>The modal asking for a prompt (and, for the message command, an optional mask upload).</summary>
public static class PromptModal
{
    public const string PromptField = "prompt";
    public const string MaskField = "mask";

    public static IReadOnlyList<MessageComponent> Components(bool withMask, int maxPromptLength)
    {
        var prompt = ComponentBuilder.Label(
            "What should change?",
            ComponentBuilder.TextInput(PromptField, paragraph: true, required: true, maxLength: maxPromptLength, placeholder: "e.g. make the sky a stormy sunset"));
        if (!withMask)
        {
            return [prompt];
        }

        var mask = ComponentBuilder.Label(
            "Mask (optional)",
            ComponentBuilder.FileUpload(MaskField, minValues: 0, maxValues: 1, required: false),
            "An image: white or transparent where to edit, black where to keep");
        return [prompt, mask];
    }
}
