using System.Globalization;
using EditBot.Bot.Components;
using EditBot.Bot.Intake;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Origin;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Entry;

/// <summary>
/// Apps → Edit image: one image opens the prompt modal at once; several first get an ephemeral select. The modal
/// submit defers and runs the shared intake; results thread on the target message.
/// </summary>
public sealed class MessageCommandHandler(
    PendingTargets pending, DeferredIntake deferredIntake, TimeProvider timeProvider, IOptions<BotExperienceOptions> options)
{
    public const string CommandName = "Edit image";
    private const string Title = "Edit image";

    public async Task HandleCommandAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var target = interaction.Data!.TargetMessage();
        var images = MessageImages.Of(target).Take(25).ToList();
        if (target is null || images.Count == 0)
        {
            await InteractionReplies.EphemeralAsync(responder,
                "That message has no image attached. Use **Edit image** on a message with an image file, or `/edit` with your own image.", cancellationToken);
            return;
        }

        var key = interaction.Id.ToString(CultureInfo.InvariantCulture);
        var channelId = interaction.ChannelId ?? target.ChannelId;
        var owner = interaction.Invoker?.Id ?? 0;
        var expiresAt = timeProvider.GetUtcNow() + options.Value.PendingTargetLifetime;
        await pending.SaveAsync(key, new PendingTarget(channelId, target.Id, [.. images.Select(a => new PendingImage(a.Id, a.Url!, a.Filename))], owner, expiresAt), cancellationToken);
        if (images.Count == 1)
        {
            await OpenModalAsync(responder, key, 0, cancellationToken);
            return;
        }

        var choices = images.Select((a, i) => new SelectOption
        {
            Label = ProgressLabel(i, a.Filename),
            Value = i.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        await responder.RespondAsync(
            new MessageBody
            {
                Content = "That message has several images: which one should I edit?",
                Components = [ComponentBuilder.ActionRow(ComponentBuilder.StringSelect(new CustomId(CustomId.PickTarget, key).ToString(), choices, "Choose an image"))],
            },
            ephemeral: true, cancellationToken: cancellationToken);
    }

    public async Task HandlePickAsync(Interaction interaction, CustomId id, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        var value = interaction.Data?.Values is { Count: > 0 } picked ? picked[0] : null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            await InteractionReplies.EphemeralAsync(responder, "Choose one of the images in the list.", cancellationToken);
            return;
        }

        if (await RefusalAsync(interaction, id.Key, cancellationToken) is { } refusal)
        {
            await InteractionReplies.EphemeralAsync(responder, refusal, cancellationToken);
            return;
        }

        await OpenModalAsync(responder, id.Key, index, cancellationToken);
    }

    public async Task HandleModalAsync(Interaction interaction, CustomId id, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(id);
        var target = await pending.GetAsync(id.Key, cancellationToken);
        var index = id.Index ?? 0;
        if (target is null || index < 0 || index >= target.Images.Count)
        {
            await InteractionReplies.EphemeralAsync(responder, PendingTarget.ExpiredMessage, cancellationToken);
            return;
        }

        if (target.RefusalFor(interaction.Invoker?.Id ?? 0, timeProvider.GetUtcNow()) is { } refusal)
        {
            await InteractionReplies.EphemeralAsync(responder, refusal, cancellationToken);
            return;
        }

        var data = interaction.Data!;
        var image = target.Images[index];
        var masks = data.GetModalAttachments(PromptModal.MaskField);
        var mask = masks.Count > 0 ? masks[0] : null;
        if (mask is not null && (mask.Url is null || !mask.IsImage))
        {
            await InteractionReplies.EphemeralAsync(responder, "The mask must be an image: white (or transparent) where to edit, black where to keep.", cancellationToken);
            return;
        }

        var input = new EditInput
        {
            Image = ImageSource.FromUrl(image.Url, image.FileName),
            Mask = mask?.Url is { } maskUrl ? ImageSource.FromUrl(maskUrl, mask.Filename) : null,
            Prompt = data.GetModalValue(PromptModal.PromptField) ?? "",
        };
        if (EditInputRules.Check(input, options.Value.MaxPromptLength) is { } problem)
        {
            await InteractionReplies.EphemeralAsync(responder, problem, cancellationToken);
            return;
        }

        var origin = InteractionOrigin.From(interaction, EntryKind.MessageCommand, false, timeProvider.GetUtcNow()) with
        {
            ThreadAnchorMessageId = target.MessageId,
        };
        var outcome = await deferredIntake.RunAsync(interaction, responder, input, origin, anchorOnAnswer: false, cancellationToken);
        if (outcome.IsAccepted)
        {
            await pending.RemoveAsync(id.Key, cancellationToken);
        }
    }

    private async Task<string?> RefusalAsync(Interaction interaction, string key, CancellationToken cancellationToken) =>
        await pending.GetAsync(key, cancellationToken) is { } target
            ? target.RefusalFor(interaction.Invoker?.Id ?? 0, timeProvider.GetUtcNow())
            : PendingTarget.ExpiredMessage;

    private Task OpenModalAsync(InteractionResponder responder, string key, int index, CancellationToken cancellationToken) =>
        responder.RespondWithModalAsync(
            new CustomId(CustomId.TargetModal, key, index).ToString(), Title, PromptModal.Components(withMask: true, options.Value.MaxPromptLength), cancellationToken);

    private static string ProgressLabel(int index, string? fileName)
    {
        var label = fileName is null ? $"Image {index + 1}" : $"Image {index + 1}: {fileName}";
        return label.Length <= 100 ? label : label[..99] + "…";
    }
}
