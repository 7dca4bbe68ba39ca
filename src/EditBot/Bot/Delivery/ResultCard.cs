using System.Globalization;
using System.Text;
using EditBot.Bot.Progress;
using EditBot.Core.Jobs;
using EditBot.Discord.Models;
using EditBot.Imaging.Packaging;

namespace EditBot.Bot.Delivery;

/// <summary>
/// A result message as a Components V2 card: one container holding a media gallery of the message's files, a text
/// display with the prompt, the settings, who asked and the packaging notes, and the result buttons. The spoiler
/// setting becomes each gallery item's spoiler flag (the file names keep their SPOILER_ prefix, as in classic messages).
/// </summary>
public static class ResultCard
{
    /// <summary>Discord's limit on the components of one message, nested ones included.</summary>
    public const int MaxComponents = 40;

    /// <summary>Discord's limit on the text of a message's text displays together.</summary>
    public const int MaxText = 4000;

    private const int PromptLength = 1000;

    /// <param name="buttons">The action row(s) for the card, or none.</param>
    /// <param name="lead">Text before everything (a mention of the requester), or null.</param>
    /// <param name="reason">Why the results are not where they would usually be, or null.</param>
    /// <param name="part">0-based part, of <paramref name="parts"/>.</param>
    public static IReadOnlyList<MessageComponent> Build(
        Job job, ulong requesterId, PackagedMessage package, bool spoilers, IReadOnlyList<MessageComponent> buttons,
        string? lead, string? reason, int part, int parts)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(buttons);
        var children = new List<MessageComponent>();
        if (package.Files.Count > 0)
        {
            children.Add(ComponentBuilder.MediaGallery(
                [.. package.Files.Select(f => new MediaGalleryItem
                {
                    Media = UnfurledMedia.Attachment(ResultComponents.FileName(f, spoilers)),
                    Description = AltText(f, job.Request.Count),
                    Spoiler = spoilers ? true : null,
                })]));
        }

        children.Add(ComponentBuilder.TextDisplay(Text(job, requesterId, package, lead, reason, part, parts)));
        children.AddRange(buttons);
        IReadOnlyList<MessageComponent> card = [ComponentBuilder.Container(children)];
        var count = Count(card);
        return count <= MaxComponents
            ? card
            : throw new InvalidOperationException($"A result card has {count} components; Discord allows {MaxComponents}.");
    }

    /// <summary>Every component, nested ones included, as Discord counts them against <see cref="MaxComponents"/>.</summary>
    public static int Count(IReadOnlyList<MessageComponent>? components) =>
        components?.Sum(c => 1 + Count(c.Components) + (c.Component is null ? 0 : 1)) ?? 0;

    private static string Text(Job job, ulong requesterId, PackagedMessage package, string? lead, string? reason, int part, int parts)
    {
        var request = job.Request;
        var text = new StringBuilder();
        if (lead is not null)
        {
            text.Append(lead).Append('\n');
        }

        text.Append("**“").Append(Escape(ProgressText.Shorten(request.Prompt, PromptLength))).Append("”**\n")
            .Append("-# ").Append(request.Count == 1 ? "1 image" : $"{request.Count} images")
            .Append(" · ").Append(request.Size).Append(" · quality ").Append(request.Quality);
        if (request.MaskBlob is not null)
        {
            text.Append(" · masked");
        }

        text.Append(" · asked by <@").Append(requesterId.ToString(CultureInfo.InvariantCulture)).Append('>');
        if (parts > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $" · part {part + 1} of {parts}");
        }

        if (reason is not null)
        {
            text.Append('\n').Append(reason);
        }

        foreach (var note in package.Notes)
        {
            text.Append("\n-# ").Append(note);
        }

        var content = text.ToString();
        return content.Length <= MaxText ? content : content[..(MaxText - 1)] + "…";
    }

    private static string AltText(PackagedFile file, int count) =>
        ResultComponents.ResultIndex(file) is { } index ? $"Result {index + 1} of {count}" : $"All {count} results side by side";

    // The prompt is the user's text inside bold quotes: markdown in it must not close the bold, mask a link or ping anyone.
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("~", "\\~", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)
            .Replace("@", "@\u200b", StringComparison.Ordinal);
}
