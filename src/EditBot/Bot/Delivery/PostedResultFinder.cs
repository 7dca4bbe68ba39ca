using EditBot.Bot.Components;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Imaging.Packaging;
using Microsoft.Extensions.Logging;

namespace EditBot.Bot.Delivery;

/// <summary>
/// Finds a result message an earlier attempt may already have posted: the send reached Discord but its answer was
/// lost (or the process died before recording it), and the retry comes after Discord stopped deduplicating the nonce
/// (minutes). Discord does not return nonces when listing messages, so the message is recognised by what only this
/// bot puts there: the job's Re-roll button and the part's file names.
/// </summary>
public sealed partial class PostedResultFinder(DiscordRestClient rest, ILogger<PostedResultFinder> logger)
{
    /// <summary>How far back to look: results are posted in a burst, so an earlier part is among the newest messages.</summary>
    public const int Depth = 50;

    /// <returns>The earlier message, or null when none is there or the history cannot be read (then posting is right).</returns>
    public async Task<Message?> FindAsync(ulong channelId, Guid jobId, PackagedMessage package, bool spoilers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        var marker = CustomId.ForJob(CustomId.Reroll, jobId).ToString();
        var names = package.Files.Select(f => ResultComponents.FileName(f, spoilers)).Order(StringComparer.Ordinal).ToList();
        IReadOnlyList<Message> recent;
        try
        {
            recent = await rest.GetRecentMessagesAsync(channelId, Depth, cancellationToken);
        }
        catch (DiscordApiException e)
        {
            // No Read Message History: a duplicate post is the lesser harm than results never delivered.
            LogHistoryUnreadable(logger, jobId, (int)e.StatusCode, e.Code);
            return null;
        }

        return recent.FirstOrDefault(m => HasButton(m.Components, marker)
            && (m.Attachments ?? []).Select(a => a.Filename ?? string.Empty).Order(StringComparer.Ordinal).SequenceEqual(names));
    }

    private static bool HasButton(IReadOnlyList<MessageComponent>? components, string customId) =>
        components is not null && components.Any(c => c.CustomId == customId || HasButton(c.Components, customId));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: cannot read the channel's recent messages ({Status}, code {Code}) to check for an earlier post; posting")]
    private static partial void LogHistoryUnreadable(ILogger logger, Guid jobId, int status, int code);
}
