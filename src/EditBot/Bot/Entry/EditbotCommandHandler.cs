using System.Text;
using EditBot.Bot.Components;
using EditBot.Bot.History;
using EditBot.Bot.Progress;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Origin;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Entry;

/// <summary>
/// /editbot help, status (edits in progress, and recent ones that could not be delivered), history and cancel (with
/// autocomplete of the requester's active edits). All answers are ephemeral.
/// </summary>
public sealed class EditbotCommandHandler(
    IJobStore store, JobService jobs, HistoryHandler history, UndeliveredJobs undelivered, TimeProvider timeProvider, IOptions<BotExperienceOptions> options)
{
    public const string CommandName = "editbot";
    private const int MaxListed = 10;

    public async Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var data = interaction.Data!;
        switch (data.SubcommandPath())
        {
            case "status":
                await InteractionReplies.EphemeralAsync(responder, await StatusAsync(interaction, cancellationToken), cancellationToken);
                break;
            case "history":
                await history.ShowAsync(interaction, responder, cancellationToken);
                break;
            case "cancel":
                // Acknowledge first: cancelling writes the store and tells every job observer, which may wait on Discord.
                await responder.DeferAsync(ephemeral: true, cancellationToken);
                await responder.EditOriginalAsync(await CancelAsync(interaction, data.GetString("job"), cancellationToken), cancellationToken: cancellationToken);
                break;
            default:
                await InteractionReplies.EphemeralAsync(responder, HelpText.Render(options.Value), cancellationToken);
                break;
        }
    }

    public async Task AutocompleteAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        var active = await ActiveJobsAsync(interaction, cancellationToken);
        var choices = active.Take(25)
            .Select(j => CommandOptionChoice.Of(ProgressText.Shorten($"{j.State}: {j.Request.Prompt}", 100), j.Id.ToString("N")))
            .ToList();
        await responder.AutocompleteAsync(choices, cancellationToken);
    }

    private async Task<MessageBody> StatusAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var active = await ActiveJobsAsync(interaction, cancellationToken);
        var notDelivered = await undelivered.ListAsync(interaction.Invoker?.Id ?? 0, cancellationToken);
        if (active.Count == 0 && notDelivered.Count == 0)
        {
            return new MessageBody { Content = "You have no edits in progress. Start one with `/edit`." };
        }

        var now = timeProvider.GetUtcNow();
        var text = new StringBuilder(active.Count == 0 ? "You have no edits in progress.\n" : "**Your edits**\n");
        var buttons = new List<MessageComponent>();
        for (var i = 0; i < active.Count; i++)
        {
            var job = active[i];
            var position = job.State == JobState.Queued ? await jobs.GetQueuePositionAsync(job.Id, cancellationToken) : 0;
            text.Append(i + 1).Append(". “").Append(ProgressText.Shorten(job.Request.Prompt, 80)).Append("” · ")
                .Append(ProgressText.Status(job, position, now)).Append('\n');
            buttons.Add(ComponentBuilder.Button(CustomId.ForJob(CustomId.Cancel, job.Id).ToString(), $"Cancel {i + 1}", ButtonStyle.Danger));
        }

        var rows = buttons.Chunk(5).Select(chunk => ComponentBuilder.ActionRow(chunk)).ToList();
        if (notDelivered.Count == 0)
        {
            return new MessageBody { Content = text.ToString().TrimEnd(), Components = rows };
        }

        var (embed, row) = UndeliveredJobs.Render(notDelivered);
        return new MessageBody { Content = text.ToString().TrimEnd(), Embeds = [embed], Components = [.. rows, row] };
    }

    private async Task<MessageBody> CancelAsync(Interaction interaction, string? jobText, CancellationToken cancellationToken)
    {
        var active = await ActiveJobsAsync(interaction, cancellationToken);
        Job? target;
        if (string.IsNullOrWhiteSpace(jobText))
        {
            target = active.Count > 0 ? active[0] : null;
        }
        else
        {
            target = Guid.TryParse(jobText.Trim(), out var id) ? active.FirstOrDefault(j => j.Id == id) : null;
            if (target is null)
            {
                return new MessageBody { Content = "That isn't one of your edits in progress. Pick one from the list, or see `/editbot status`." };
            }
        }

        if (target is null)
        {
            return new MessageBody { Content = "You have no edits in progress." };
        }

        var result = await jobs.CancelAsync(target.Id, "Cancelled with /editbot cancel", cancellationToken);
        var prompt = ProgressText.Shorten(target.Request.Prompt, 80);
        return new MessageBody
        {
            Content = result.Outcome switch
            {
                JobCommandOutcome.Applied => $"Cancelled “{prompt}”.",
                JobCommandOutcome.CancelRequested => $"Stopping “{prompt}”; no results will be posted.",
                _ => $"“{prompt}” has already finished.",
            },
        };
    }

    private async Task<IReadOnlyList<Job>> ActiveJobsAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var userId = interaction.Invoker?.Id ?? 0;
        return await store.ListAsync(
            new JobQuery { RequesterKey = OriginKeys.User(userId), States = JobQuery.Active, Limit = MaxListed }, cancellationToken);
    }
}
