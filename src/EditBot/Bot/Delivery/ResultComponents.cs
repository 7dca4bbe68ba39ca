using System.Globalization;
using EditBot.Bot.Components;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Imaging.Packaging;

namespace EditBot.Bot.Delivery;

/// <summary>Buttons under a result message and the mapping from packaged file names back to result indexes.</summary>
public static class ResultComponents
{
    public const string BaseName = "edit";

    /// <param name="canDelete">False for ephemeral messages, which the requester dismisses themselves (and which get no Edit region either).</param>
    public static IReadOnlyList<MessageComponent> Buttons(Guid jobId, bool canDelete)
    {
        var buttons = new List<MessageComponent>
        {
            ComponentBuilder.Button(CustomId.ForJob(CustomId.Reroll, jobId).ToString(), "Re-roll", ButtonStyle.Primary),
            ComponentBuilder.Button(CustomId.ForJob(CustomId.EditThis, jobId).ToString(), "Edit this", ButtonStyle.Secondary),
        };
        if (canDelete)
        {
            // A drawn edit posts in the channel, which an ephemeral (private) result must not lead to.
            buttons.Add(ComponentBuilder.Button(CustomId.ForJob(CustomId.EditRegion, jobId).ToString(), "Edit region", ButtonStyle.Secondary));
            buttons.Add(ComponentBuilder.Button(CustomId.ForJob(CustomId.Delete, jobId).ToString(), "Delete", ButtonStyle.Danger));
        }

        return [ComponentBuilder.ActionRow([.. buttons])];
    }

    /// <summary>0-based result indexes of the files in a message ("edit-3.png" is index 2; the contact sheet is none).</summary>
    public static IReadOnlyList<int> ResultIndexes(PackagedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. message.Files.Select(ResultIndex).OfType<int>()];
    }

    /// <summary>The 0-based result index of one file ("edit-3.png" is 2), or null for the contact sheet.</summary>
    public static int? ResultIndex(PackagedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stem = Path.GetFileNameWithoutExtension(file.FileName);
        var dash = stem.LastIndexOf('-');
        return dash > 0 && int.TryParse(stem.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number - 1
            : null;
    }

    /// <summary>A packaged file as uploaded: its name with the spoiler prefix when wanted.</summary>
    public static DiscordFile Upload(PackagedFile file, bool spoiler)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new DiscordFile(FileName(file, spoiler), file.Content, file.MediaType);
    }

    /// <summary>Every file of a packaged message, as uploaded.</summary>
    public static IReadOnlyList<DiscordFile> Uploads(PackagedMessage message, bool spoiler)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. message.Files.Select(f => Upload(f, spoiler))];
    }

    public static string FileName(PackagedFile file, bool spoiler)
    {
        ArgumentNullException.ThrowIfNull(file);
        return spoiler ? "SPOILER_" + file.FileName : file.FileName;
    }
}
