using EditBot.Bot.Components;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Origin;

namespace EditBot.Moderation.Discord;

/// <summary>
/// Approve and Reject on a review post, and the reject modal's reason. Only reviewers (the reviewer role, or Manage
/// Server) may decide, checked on every press; everything is read from the store, so posts work after restarts.
/// </summary>
public sealed class ReviewButtonHandler(JobService jobs, GuildSettingsStore settingsStore, ReviewDecisions decisions, TimeProvider time)
{
    public const string NotReviewer = "Only reviewers can approve or reject requests: the server's reviewer role, or members with Manage Server.";
    public const string Gone = "This request no longer exists.";

    public async Task HandleAsync(Interaction interaction, CustomId id, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(responder);
        if (!id.TryGetJobId(out var jobId) || await jobs.GetAsync(jobId, cancellationToken) is not { } job || JobOrigins.Read(job.Origin).Moderation is not { } context)
        {
            await Ephemeral(responder, Gone, cancellationToken);
            return;
        }

        var settings = await settingsStore.GetAsync(context.GuildId, cancellationToken);
        if (interaction.GuildId != context.GuildId || !MayReview(interaction, settings))
        {
            await Ephemeral(responder, NotReviewer, cancellationToken);
            return;
        }

        if (ReviewPolicy.IsExpired(job, settings, time.GetUtcNow()))
        {
            // Expiring now updates the post, tells the requester and audits: acknowledge before that slow work.
            await responder.DeferAsync(ephemeral: true, cancellationToken);
            var message = ReviewMessages.Expired(settings.Review.EffectiveExpiry);
            await decisions.ExpireAsync(job.Id, message, cancellationToken);
            await responder.EditOriginalAsync(Text(message), cancellationToken: cancellationToken);
            return;
        }

        if (!ReviewPolicy.CanDecide(job, settings, time.GetUtcNow()))
        {
            await Ephemeral(responder, ReviewPostText.Ended(job.State), cancellationToken);
            return;
        }

        var reviewerId = interaction.Invoker?.Id ?? 0;
        switch (id.Action)
        {
            case ReviewActions.Reject:
                // A modal must be the first answer, so it opens before anything slow happens.
                await responder.RespondWithModalAsync(CustomId.ForJob(ReviewActions.RejectReason, jobId).ToString(), "Reject this edit", ReviewActions.ReasonModal(), cancellationToken);
                return;
            case ReviewActions.Approve:
                await responder.DeferAsync(ephemeral: true, cancellationToken);
                var approved = await decisions.ApproveAsync(jobId, reviewerId, cancellationToken);
                await responder.EditOriginalAsync(Text(Answer(approved, "Approved: the edit is queued.")), cancellationToken: cancellationToken);
                return;
            case ReviewActions.RejectReason:
                var reason = interaction.Data?.GetModalValue(ReviewActions.ReasonField);
                await responder.DeferAsync(ephemeral: true, cancellationToken);
                var rejected = await decisions.RejectAsync(jobId, reviewerId, reason, cancellationToken);
                await responder.EditOriginalAsync(Text(Answer(rejected, "Rejected: the requester has been told why.")), cancellationToken: cancellationToken);
                return;
            default:
                await Ephemeral(responder, Gone, cancellationToken);
                return;
        }
    }

    public static bool MayReview(Interaction interaction, GuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return ReviewPolicy.MayReview(settings, [.. interaction.Member?.Roles ?? []], DiscordPermissionBits.ToMemberPermissions(interaction.Member?.Permissions));
    }

    private static string Answer(JobCommandResult result, string applied) => result.Outcome switch
    {
        JobCommandOutcome.Applied => applied,
        JobCommandOutcome.NotFound => Gone,
        _ => ReviewPostText.Ended(result.Job?.State ?? JobState.Failed),
    };

    private static async Task Ephemeral(InteractionResponder responder, string text, CancellationToken cancellationToken) =>
        await responder.RespondAsync(Text(text), ephemeral: true, cancellationToken: cancellationToken);

    private static MessageBody Text(string text) => new() { Content = text, AllowedMentions = AllowedMentions.None };
}
