namespace EditBot.Discord.Models;

public static class MessageFlags
{
    public const int SuppressEmbeds = 1 << 2;
    public const int Ephemeral = 1 << 6;

    /// <summary>Set on a forward: the message carries <see cref="Message.MessageSnapshots"/>.</summary>
    public const int HasSnapshot = 1 << 14;

    /// <summary>
    /// The message is laid out by components only (containers, text displays, media galleries): it may carry no
    /// <c>content</c> or embeds, and its files show only where a component references them (<c>attachment://name</c>).
    /// Once set on a message it cannot be removed.
    /// </summary>
    public const int IsComponentsV2 = 1 << 15;
}
