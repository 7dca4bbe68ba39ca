using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Imaging.Packaging;
using Microsoft.Extensions.Logging;

namespace EditBot.Moderation.Discord;

/// <summary>
/// The review request as posted: requester, place, prompt, estimated cost and expiry, a small JPEG of the input, the
/// mask when there is one, and Approve / Reject buttons. Mentions in it never ping.
/// </summary>
public sealed partial class ReviewPostBuilder(IBlobStore blobs, ContactSheet thumbnails, CostEstimator costs, ILogger<ReviewPostBuilder> logger)
{
    public async Task<(MessageBody Body, IReadOnlyList<DiscordFile> Files)> BuildAsync(
        Job job, ModerationContext context, GuildSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(context);
        var request = context.ToRequest(job.Request);
        var content = ReviewMessages.ReviewRequest(request, costs.Estimate(job.Request), ReviewPolicy.ExpiresAt(job, settings));
        var body = new MessageBody
        {
            Content = AuditText.Truncate(content, AuditEntry.MaxContentLength),
            Components = ReviewActions.Buttons(job.Id),
            AllowedMentions = AllowedMentions.None,
        };
        return (body, await FilesAsync(job, cancellationToken));
    }

    private async Task<IReadOnlyList<DiscordFile>> FilesAsync(Job job, CancellationToken cancellationToken)
    {
        var files = new List<DiscordFile>();
        if (await blobs.GetAsync(job.Request.ImageBlob, cancellationToken) is { } image && await ThumbnailAsync(job.Id, image.Content, cancellationToken) is { } jpeg)
        {
            files.Add(new DiscordFile("input.jpg", jpeg, "image/jpeg", "The image to edit"));
        }

        if (job.Request.MaskBlob is { } maskId && await blobs.GetAsync(maskId, cancellationToken) is { } mask)
        {
            files.Add(new DiscordFile("mask.png", mask.Content, mask.MediaType, "The mask: the area to edit"));
        }

        return files;
    }

    private async Task<byte[]?> ThumbnailAsync(Guid jobId, byte[] image, CancellationToken cancellationToken)
    {
        try
        {
            return await thumbnails.RenderAsync([image], cancellationToken);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or IOException)
        {
            // The post still goes out; reviewers see the prompt without the picture.
            LogThumbnailFailed(logger, error, jobId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No review thumbnail for job {JobId}")]
    private static partial void LogThumbnailFailed(ILogger logger, Exception error, Guid jobId);
}
