using System.Globalization;
using EditBot.Bot.Delivery;
using EditBot.Bot.Entry;
using EditBot.Bot.Intake;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Origin;
using Microsoft.Extensions.Options;

namespace EditBot.MaskEditor;

/// <summary>
/// The three ways into the mask editor, each answered only to the person who asked, with one link button per image:
/// <c>/edit region:draw</c> (the attached image, the prompt filled in), Apps → Edit region on a message with images,
/// and the Edit region button under results (a fresh link every press, so the button works for good).
/// </summary>
public sealed class MaskRegionHandler(
    MaskLinkIssuer issuer,
    JobService jobs,
    ResultMessages resultMessages,
    TimeProvider time,
    IOptions<MaskEditorOptions> options) : IDrawnRegionEntry
{
    public const string CommandName = "Edit region";

    /// <summary>Links offered at once: five link buttons fill one row.</summary>
    private const int MaxLinks = 5;

    private const string InteractionOnlyText =
        "A drawn edit posts its progress and results in the channel, and I'm not a member here (the app is installed to your " +
        "account only). Use `region`, `box` or a `mask` image with `/edit` instead.";

    private const string PrivateText =
        "Drawn edits post their progress and results in the channel, so they can't be private. Leave `private` off, or use `region`, `box` or a `mask` image.";

    /// <summary>/edit region:draw: the attached image, the options as given.</summary>
    public async Task HandleSlashAsync(Interaction interaction, InteractionResponder responder, EditInput input, bool isPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(input);
        if (isPrivate || input.Mask is not null)
        {
            await InteractionReplies.EphemeralAsync(responder,
                isPrivate ? PrivateText : "You attached a mask and chose `region:draw`: use one of them. Leave out the mask to draw the area instead.",
                cancellationToken);
            return;
        }

        var origin = InteractionOrigin.From(interaction, EntryKind.Slash, false, time.GetUtcNow());
        var (roles, permissions) = InteractionOrigin.Requester(interaction);
        var request = new MaskLinkRequest(input.Image, new MaskEditPlan
        {
            Prompt = input.Prompt,
            Size = input.Size,
            Quality = input.Quality,
            Count = input.Count,
            Origin = origin,
            AnchorOnProgress = true,
            RoleIds = roles,
            Permissions = permissions,
        });
        await AnswerWithLinksAsync(responder, [("Draw the area to edit", request)], cancellationToken);
    }

    /// <summary>Apps → Edit region: a link for each image of the message (the first five).</summary>
    public async Task HandleCommandAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var target = interaction.Data!.TargetMessage();
        var images = MessageImages.Of(target).Take(MaxLinks).ToList();
        if (target is null || images.Count == 0)
        {
            await InteractionReplies.EphemeralAsync(responder,
                "That message has no image attached. Use **Edit region** on a message with an image file, or `/edit` with `region:draw`.", cancellationToken);
            return;
        }

        var (roles, permissions) = InteractionOrigin.Requester(interaction);
        var plan = new MaskEditPlan
        {
            Origin = InteractionOrigin.From(interaction, EntryKind.MessageCommand, false, time.GetUtcNow()) with { ThreadAnchorMessageId = target.Id },
            ReplyToMessageId = target.Id,
            RoleIds = roles,
            Permissions = permissions,
        };
        var requests = images.Select((image, i) => (
            images.Count == 1 ? "Draw the area to edit" : Label($"Draw on image {i + 1}", image.Filename),
            new MaskLinkRequest(ImageSource.FromUrl(image.Url!, image.Filename), plan))).ToList();
        await AnswerWithLinksAsync(responder, requests, cancellationToken);
    }

    /// <summary>Edit region under results: a link for each result in that message, for the person who asked for them.</summary>
    public async Task HandleButtonAsync(Interaction interaction, Bot.Components.CustomId id, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        if (await JobButtonHandler.FindRequestersJobAsync(jobs, interaction, id, responder, cancellationToken) is not var (job, original))
        {
            return;
        }

        if (original.Private)
        {
            await InteractionReplies.EphemeralAsync(responder, PrivateText, cancellationToken);
            return;
        }

        var onMessage = interaction.Message is { } message ? await resultMessages.FindAsync(message.Id, cancellationToken) : null;
        var indexes = (onMessage?.ResultIndexes is { Count: > 0 } known ? known : [.. Enumerable.Range(0, job.ResultBlobs.Count)])
            .Where(i => i >= 0 && i < job.ResultBlobs.Count).Take(MaxLinks).ToList();
        if (indexes.Count == 0)
        {
            await InteractionReplies.EphemeralAsync(responder, "That result is no longer available.", cancellationToken);
            return;
        }

        var (roles, permissions) = InteractionOrigin.Requester(interaction);
        var plan = new MaskEditPlan
        {
            Prompt = job.Request.Prompt,
            Quality = job.Request.Quality,
            Origin = InteractionOrigin.From(interaction, EntryKind.Button, false, time.GetUtcNow()),
            ReplyToMessageId = interaction.Message?.Id,
            AnchorOnProgress = true,
            RoleIds = roles,
            Permissions = permissions,
        };
        var requests = indexes.Select(i => (
            indexes.Count == 1 ? "Draw the area to edit" : $"Draw on result {i + 1}",
            new MaskLinkRequest(ImageSource.FromBlob(job.ResultBlobs[i]), plan, job))).ToList();
        await AnswerWithLinksAsync(responder, requests, cancellationToken);
    }

    private async Task AnswerWithLinksAsync(InteractionResponder responder, List<(string Label, MaskLinkRequest Request)> requests, CancellationToken cancellationToken)
    {
        if (!issuer.Enabled)
        {
            await InteractionReplies.EphemeralAsync(responder, MaskLinkIssuer.DisabledText, cancellationToken);
            return;
        }

        if (requests.Count > 0 && requests[0].Request.Plan.Origin.InteractionOnly)
        {
            await InteractionReplies.EphemeralAsync(responder, InteractionOnlyText, cancellationToken);
            return;
        }

        // Downloading and preparing the image may take longer than Discord's 3 s.
        await responder.DeferAsync(ephemeral: true, cancellationToken);
        var buttons = new List<MessageComponent>();
        foreach (var (label, request) in requests)
        {
            var (link, refusal) = await issuer.IssueAsync(request, cancellationToken);
            if (refusal is not null)
            {
                await InteractionReplies.RefuseAfterDeferAsync(responder, deferredEphemeral: true, refusal, cancellationToken);
                return;
            }

            buttons.Add(ComponentBuilder.LinkButton(label, link!));
        }

        var minutes = (int)Math.Round(options.Value.MaskLinkLifetime.TotalMinutes);
        await responder.EditOriginalAsync(new MessageBody
        {
            Content = string.Create(CultureInfo.InvariantCulture,
                $"Paint the area to change on the page, then press **Edit**. The link is yours alone, works once, and expires in {minutes} minutes."),
            Components = [ComponentBuilder.ActionRow([.. buttons])],
        }, cancellationToken: cancellationToken);
    }

    private static string Label(string label, string? fileName)
    {
        var text = fileName is null ? label : $"{label}: {fileName}";
        return text.Length <= 80 ? text : text[..79] + "…";
    }
}
