using System.Globalization;
using EditBot.Bot.Components;
using EditBot.Bot.Delivery;
using EditBot.Bot.Intake;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Origin;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Entry;

/// <summary>
/// The buttons under progress and result messages: Cancel, Re-roll, Edit this (select → modal), Delete. Every press
/// reads the job from the store (nothing is held in memory) and checks who pressed it.
/// </summary>
public sealed class JobButtonHandler(
    JobService jobs,
    ResultMessages resultMessages,
    DeferredIntake deferredIntake,
    DiscordRestClient rest,
    TimeProvider timeProvider,
    IOptions<BotExperienceOptions> options)
{
    public const string NotFoundText = "I can't find that edit any more.";

    public const string RequesterOnlyText = "Only the person who asked for this edit can do that. Use `/edit` to make your own.";

    /// <summary>The job a button's custom_id names, with its Discord origin; null when either is gone or unreadable.</summary>
    public static async Task<(Job Job, DiscordOrigin Origin)?> FindJobAsync(JobService jobs, CustomId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(id);
        return id.TryGetJobId(out var jobId) && await jobs.GetAsync(jobId, cancellationToken) is { } job && JobOrigins.TryReadDiscord(job, out var origin)
            ? (job, origin)
            : null;
    }

    /// <summary>
    /// The job a button names when whoever pressed it asked for it; otherwise answers (ephemerally) that it is gone or
    /// not theirs, and returns null.
    /// </summary>
    public static async Task<(Job Job, DiscordOrigin Origin)?> FindRequestersJobAsync(
        JobService jobs, Interaction interaction, CustomId id, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var found = await FindJobAsync(jobs, id, cancellationToken);
        var refusal = found is not { } f ? NotFoundText : interaction.Invoker?.Id != f.Origin.UserId ? RequesterOnlyText : null;
        if (refusal is null)
        {
            return found;
        }

        await InteractionReplies.EphemeralAsync(responder, refusal, cancellationToken);
        return null;
    }

    public async Task HandleAsync(Interaction interaction, CustomId id, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        if (await FindJobAsync(jobs, id, cancellationToken) is not { } found)
        {
            await InteractionReplies.EphemeralAsync(responder, NotFoundText, cancellationToken);
            return;
        }

        var (job, origin) = found;

        if (id.Action == CustomId.Resend)
        {
            await ResendAsync(interaction, job, origin, responder, cancellationToken);
            return;
        }

        var moderatorAllowed = id.Action is CustomId.Cancel or CustomId.Delete;
        var allowed = moderatorAllowed ? InteractionOrigin.IsRequesterOrModerator(interaction, origin) : interaction.Invoker?.Id == origin.UserId;
        if (!allowed)
        {
            await InteractionReplies.EphemeralAsync(responder,
                moderatorAllowed ? "Only the person who asked for this edit (or a moderator) can do that." : RequesterOnlyText,
                cancellationToken);
            return;
        }

        switch (id.Action)
        {
            case CustomId.Cancel:
                await CancelAsync(job, responder, cancellationToken);
                break;
            case CustomId.Reroll:
                await RerollAsync(interaction, job, origin, responder, cancellationToken);
                break;
            case CustomId.EditThis:
                await ChooseResultAsync(interaction, job, responder, cancellationToken);
                break;
            case CustomId.PickResult:
                await OpenRefineModalAsync(job, ParseIndex(interaction.Data?.Values is { Count: > 0 } picked ? picked[0] : null), responder, cancellationToken);
                break;
            case CustomId.Refine:
                await RefineAsync(interaction, job, origin, id.Index ?? 0, responder, cancellationToken);
                break;
            case CustomId.Delete:
                await DeleteAsync(interaction, responder, cancellationToken);
                break;
            default:
                await InteractionReplies.EphemeralAsync(responder, "That button is no longer supported.", cancellationToken);
                break;
        }
    }

    private async Task CancelAsync(Job job, InteractionResponder responder, CancellationToken cancellationToken)
    {
        // Acknowledge first: cancelling writes the store and tells every job observer, which may wait on Discord.
        await responder.DeferAsync(ephemeral: true, cancellationToken);
        var result = await jobs.CancelAsync(job.Id, "Cancelled by a Discord user", cancellationToken);
        var text = result.Outcome switch
        {
            JobCommandOutcome.Applied => "Cancelled.",
            JobCommandOutcome.CancelRequested => "Stopping it now; no results will be posted.",
            JobCommandOutcome.NotAllowed => "That edit has already finished.",
            _ => "I can't find that edit any more.",
        };
        await responder.EditOriginalAsync(new MessageBody { Content = text }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Sends again an edit whose lost submit could not be proven unaccepted: only the admins of the server it was asked
    /// in may decide to risk paying twice.
    /// </summary>
    private async Task ResendAsync(Interaction interaction, Job job, DiscordOrigin origin, InteractionResponder responder, CancellationToken cancellationToken)
    {
        if (origin.GuildId is not { } guild || interaction.GuildId != guild || !DiscordPermissions.IsServerAdmin(interaction.Member?.Permissions))
        {
            await InteractionReplies.EphemeralAsync(responder,
                "Only this server's admins (Manage Server) can send it again: GMI may already have accepted it, so it could be paid twice.", cancellationToken);
            return;
        }

        await responder.DeferAsync(ephemeral: true, cancellationToken);
        var result = await jobs.ResendAsync(job.Id, $"Discord user {interaction.Invoker?.Id}", cancellationToken);
        var text = result.Outcome == JobCommandOutcome.Applied
            ? "Sent again. If GMI had accepted the first attempt, this edit is paid twice."
            : "That edit no longer needs a decision.";
        await responder.EditOriginalAsync(new MessageBody { Content = text }, cancellationToken: cancellationToken);
    }

    private async Task RerollAsync(Interaction interaction, Job job, DiscordOrigin original, InteractionResponder responder, CancellationToken cancellationToken)
    {
        var input = new EditInput
        {
            Image = ImageSource.FromBlob(job.Request.ImageBlob),
            Mask = job.Request.MaskBlob is { } mask ? ImageSource.FromBlob(mask) : null,
            Prompt = job.Request.Prompt,
            Size = job.Request.Size,
            Quality = job.Request.Quality,
            Count = job.Request.Count,
        };
        var origin = InteractionOrigin.From(interaction, EntryKind.Button, original.Private, timeProvider.GetUtcNow());
        await deferredIntake.RunAsync(interaction, responder, input, origin, anchorOnAnswer: true, cancellationToken, source: job);
    }

    private async Task ChooseResultAsync(Interaction interaction, Job job, InteractionResponder responder, CancellationToken cancellationToken)
    {
        var onMessage = interaction.Message is { } message ? await resultMessages.FindAsync(message.Id, cancellationToken) : null;
        var indexes = onMessage?.ResultIndexes is { Count: > 0 } known ? known : [.. Enumerable.Range(0, job.ResultBlobs.Count)];
        if (indexes.Count == 1)
        {
            await OpenRefineModalAsync(job, indexes[0], responder, cancellationToken);
            return;
        }

        var choices = indexes.Take(25).Select(i => new SelectOption { Label = $"Result {i + 1}", Value = i.ToString(CultureInfo.InvariantCulture) }).ToList();
        await responder.RespondAsync(
            new MessageBody
            {
                Content = "Which result should I edit?",
                Components = [ComponentBuilder.ActionRow(ComponentBuilder.StringSelect(CustomId.ForJob(CustomId.PickResult, job.Id).ToString(), choices, "Choose a result"))],
            },
            ephemeral: true, cancellationToken: cancellationToken);
    }

    private async Task OpenRefineModalAsync(Job job, int index, InteractionResponder responder, CancellationToken cancellationToken)
    {
        if (index < 0 || index >= job.ResultBlobs.Count)
        {
            await InteractionReplies.EphemeralAsync(responder, "Choose one of the results in the list.", cancellationToken);
            return;
        }

        await responder.RespondWithModalAsync(
            CustomId.ForJob(CustomId.Refine, job.Id, index).ToString(), $"Edit result {index + 1}",
            PromptModal.Components(withMask: false, options.Value.MaxPromptLength), cancellationToken);
    }

    private async Task RefineAsync(Interaction interaction, Job job, DiscordOrigin original, int index, InteractionResponder responder, CancellationToken cancellationToken)
    {
        if (index < 0 || index >= job.ResultBlobs.Count)
        {
            await InteractionReplies.EphemeralAsync(responder, "That result is no longer available.", cancellationToken);
            return;
        }

        var input = new EditInput
        {
            Image = ImageSource.FromBlob(job.ResultBlobs[index]),
            Prompt = interaction.Data?.GetModalValue(PromptModal.PromptField) ?? "",
            Quality = job.Request.Quality,
        };
        if (EditInputRules.Check(input, options.Value.MaxPromptLength) is { } problem)
        {
            await InteractionReplies.EphemeralAsync(responder, problem, cancellationToken);
            return;
        }

        var origin = InteractionOrigin.From(interaction, EntryKind.Button, original.Private, timeProvider.GetUtcNow());
        await deferredIntake.RunAsync(interaction, responder, input, origin, anchorOnAnswer: true, cancellationToken, source: job);
    }

    private async Task DeleteAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        if (interaction.Message is not { } message)
        {
            await InteractionReplies.EphemeralAsync(responder, "There is nothing to delete here.", cancellationToken);
            return;
        }

        await responder.DeferUpdateAsync(cancellationToken);
        await rest.DeleteMessageAsync(message.ChannelId != 0 ? message.ChannelId : interaction.ChannelId ?? 0, message.Id, cancellationToken);
        await resultMessages.ForgetAsync(message.Id, cancellationToken);
    }

    private static int ParseIndex(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
}
