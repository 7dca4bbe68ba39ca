using System.Globalization;
using EditBot.Bot.Components;
using EditBot.Bot.Delivery;
using EditBot.Bot.Entry;
using EditBot.Bot.Progress;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Imaging.Packaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.History;

/// <summary>
/// Show results (from /editbot history and status): the edit's result images again, only to its requester, read from
/// the blob store and packaged against this interaction's upload limit: the first part in the answer, the rest as
/// ephemeral follow-ups, named as the delivery names them. Results removed by retention are said to be gone.
/// </summary>
public sealed partial class ShowResultsHandler(
    JobService jobs, IBlobStore blobs, ResultPackager packager, IOptions<StorageOptions> storage, ILogger<ShowResultsHandler> logger)
{
    public async Task HandleAsync(Interaction interaction, CustomId id, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        if (await JobButtonHandler.FindRequestersJobAsync(jobs, interaction, id, responder, cancellationToken) is not var (job, origin))
        {
            return;
        }

        var prompt = ProgressText.Shorten(job.Request.Prompt, 100);
        if (!PastEditText.HasResults(job))
        {
            await InteractionReplies.EphemeralAsync(responder, $"“{prompt}” has no results to show.", cancellationToken);
            return;
        }

        // Reading the blobs and packaging (a contact sheet, re-encoding) may outlast Discord's 3 s for a first answer.
        await responder.DeferAsync(ephemeral: true, cancellationToken);
        var results = new List<ReadOnlyMemory<byte>>(job.ResultBlobs.Count);
        foreach (var blobId in job.ResultBlobs)
        {
            if (await blobs.GetAsync(blobId, cancellationToken) is not { } blob)
            {
                LogResultsGone(logger, job.Id);
                await responder.EditOriginalAsync(new MessageBody { Content = GoneText(prompt, storage.Value.BlobRetention) }, cancellationToken: cancellationToken);
                return;
            }

            results.Add(blob.Content);
        }

        var packages = await packager.PackageAsync(results, interaction.AttachmentSizeLimit, ResultComponents.BaseName, cancellationToken);
        for (var part = 0; part < packages.Count; part++)
        {
            var package = packages[part];
            var files = ResultComponents.Uploads(package, origin.ResultsAsSpoilers);
            var body = new MessageBody
            {
                Content = ResultPoster.Content(package, part == 0 ? $"Results of “{prompt}”" : null, null),
                Components = ResultComponents.ResultIndexes(package).Count > 0 ? ResultComponents.Buttons(job.Id, canDelete: false) : [],
            };
            await (part == 0
                ? responder.EditOriginalAsync(body, files, cancellationToken)
                : responder.FollowupAsync(body, ephemeral: true, files, cancellationToken));
        }
    }

    public static string GoneText(string prompt, TimeSpan retention) =>
        $"The results of “{prompt}” are no longer stored: I keep images {Days(retention)} after their last use.";

    private static string Days(TimeSpan retention) =>
        retention.TotalDays >= 1 ? Plural(retention.TotalDays, "day") : Plural(retention.TotalHours, "hour");

    private static string Plural(double amount, string unit)
    {
        var shown = amount.ToString("0.#", CultureInfo.InvariantCulture);
        return $"{shown} {unit}{(shown == "1" ? "" : "s")}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Show results of job {JobId}: its results are no longer stored")]
    private static partial void LogResultsGone(ILogger logger, Guid jobId);
}
