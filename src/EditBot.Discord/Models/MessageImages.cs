namespace EditBot.Discord.Models;

/// <summary>
/// The images a message carries, for every entry point that takes "an image on a message": its own attachments, else
/// (a forward has none of its own) those of its first snapshot that has any. Only files Discord typed or measured as
/// images and that have a URL to download. No message (an interaction without its target) carries none.
/// </summary>
public static class MessageImages
{
    public static IReadOnlyList<Attachment> Of(Message? message)
    {
        if (message is null)
        {
            return [];
        }

        var own = Images(message.Attachments);
        if (own.Count > 0)
        {
            return own;
        }

        foreach (var snapshot in message.MessageSnapshots ?? [])
        {
            var forwarded = Images(snapshot.Message?.Attachments);
            if (forwarded.Count > 0)
            {
                return forwarded;
            }
        }

        return [];
    }

    private static List<Attachment> Images(IReadOnlyList<Attachment>? attachments) =>
        [.. (attachments ?? []).Where(a => a.IsImage && a.Url is not null)];
}
