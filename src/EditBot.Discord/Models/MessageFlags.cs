namespace EditBot.Discord.Models;

public static class MessageFlags
{
    public const int SuppressEmbeds = 1 << 2;
    public const int Ephemeral = 1 << 6;

    /// <summary>Set on a forward: the message carries <see cref="Message.MessageSnapshots"/>.</summary>
    public const int HasSnapshot = 1 << 14;
}
