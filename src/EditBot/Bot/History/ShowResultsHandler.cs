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
    JobService jobs, IBlobStore blobs, ResultPackager packager, DiscordRestClient rest, IOptions<StorageOptions> storage, ILogger<ShowResultsHandler> logger)
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
        // Where no server install authorized the press, Discord allows five follow-ups: the parts past them go to DMs.
        var answerable = interaction.FollowupsLimited ? Math.Min(packages.Count, 1 + ResultPoster.MaxFollowups) : packages.Count;
        var answered = 0;
        for (; answered < answerable; answered++)
        {
            var body = Body(job, packages[answered], answered == 0 ? $"Results of “{prompt}”" : null);
            var files = ResultComponents.Uploads(packages[answered], origin.ResultsAsSpoilers);
            try
            {
                await (answered == 0
                    ? responder.EditOriginalAsync(body, files, cancellationToken)
                    : responder.FollowupAsync(body, ephemeral: true, files, cancellationToken));
            }
            catch (DiscordApiException e) when (answered > 0 && e.Code == DiscordErrorCodes.MaxFollowupsReached)
            {
                break; // a follow-up standing in for the answer took a slot this count did not see
            }
        }

        if (answered < packages.Count)
        {
            var note = await SendRestToDirectMessagesAsync(origin.UserId, job, packages, answered, origin.ResultsAsSpoilers, prompt, cancellationToken);
            await responder.EditOriginalAsync(Body(job, packages[0], $"Results of “{prompt}”\n{note}"), cancellationToken: cancellationToken);
        }
    }

    private static MessageBody Body(Job job, PackagedMessage package, string? heading) => new()
    {
        Content = ResultPoster.Content(package, heading, null),
        Components = ResultComponents.ResultIndexes(package).Count > 0 ? ResultComponents.Buttons(job.Id, canDelete: false) : [],
    };

    /// <summary>Sends parts <paramref name="from"/> onwards to the presser's DMs and returns the note that says so (or why not).</summary>
    private async Task<string> SendRestToDirectMessagesAsync(
        ulong userId, Job job, IReadOnlyList<PackagedMessage> packages, int from, bool spoilers, string prompt, CancellationToken cancellationToken)
    {
        var left = packages.Count - from;
        var didNotFit = $"{(left == 1 ? "The last part" : $"The last {left} parts")} did not fit the {ResultPoster.MaxFollowups} messages Discord lets me answer with here";
        try
        {
            var dm = await rest.CreateDmChannelAsync(userId, cancellationToken);
            for (var part = from; part < packages.Count; part++)
            {
                var heading = part == from ? $"Results of “{prompt}”, from part {part + 1} of {packages.Count}:" : null;
                await rest.CreateMessageAsync(dm.Id, Body(job, packages[part], heading), ResultComponents.Uploads(packages[part], spoilers), cancellationToken);
            }

            return $"{didNotFit}: they are in your DMs.";
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCodes.CannotSendToUser)
        {
            LogDirectMessagesRefused(logger, job.Id, (int)e.StatusCode, e.Code);
            return $"{didNotFit}, and your DMs are closed to me. Allow DMs from server members, or press Show results where I am a member of the server.";
        }
        catch (DiscordApiException e)
        {
            LogDirectMessagesRefused(logger, job.Id, (int)e.StatusCode, e.Code);
            return $"{didNotFit}, and Discord refused them in your DMs too. Press Show results again in a minute, or where I am a member of the server.";
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Show results of job {JobId}: the parts past the follow-ups could not go to DMs ({Status} {Code})")]
    private static partial void LogDirectMessagesRefused(ILogger logger, Guid jobId, int status, int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Show results of job {JobId}: its results are no longer stored")]
    private static partial void LogResultsGone(ILogger logger, Guid jobId);
}
