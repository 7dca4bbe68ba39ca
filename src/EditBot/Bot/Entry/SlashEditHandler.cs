using EditBot.Bot.Intake;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;
using EditBot.Origin;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Entry;

/// <summary>/edit: check the options at once, then defer and run the shared intake; results thread on the answer.</summary>
/// <remarks><c>region:draw</c> goes to the mask editor (<see cref="IDrawnRegionEntry"/>), which answers with a link instead.</remarks>
public sealed class SlashEditHandler(
    DeferredIntake deferredIntake, TimeProvider timeProvider, IOptions<BotExperienceOptions> options, IDrawnRegionEntry? drawing = null)
{
    public const string DrawRegion = "draw";

    public async Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var data = interaction.Data!;
        var image = data.GetAttachment("image");
        if (image?.Url is null || !image.IsImage)
        {
            await InteractionReplies.EphemeralAsync(responder, "Attach an image (PNG, JPEG, WebP or GIF) in the `image` option.", cancellationToken);
            return;
        }

        var mask = data.GetAttachment("mask");
        if (mask is not null && (mask.Url is null || !mask.IsImage))
        {
            await InteractionReplies.EphemeralAsync(responder, "The `mask` must be an image: white (or transparent) where to edit, black where to keep.", cancellationToken);
            return;
        }

        var input = new EditInput
        {
            Image = ImageSource.FromUrl(image.Url, image.Filename),
            Mask = mask?.Url is { } maskUrl ? ImageSource.FromUrl(maskUrl, mask.Filename) : null,
            Prompt = data.GetString("prompt") ?? "",
            Region = data.GetString("region"),
            Box = data.GetString("box"),
            Size = data.GetString("size"),
            Quality = data.GetString("quality"),
            Count = (int)Math.Clamp(data.GetInteger("count") ?? 1, int.MinValue, int.MaxValue),
        };
        var draw = string.Equals(input.Region, DrawRegion, StringComparison.OrdinalIgnoreCase);
        if (draw)
        {
            input = input with { Region = null };
        }

        if (EditInputRules.Check(input, options.Value.MaxPromptLength) is { } problem)
        {
            await InteractionReplies.EphemeralAsync(responder, problem, cancellationToken);
            return;
        }

        var isPrivate = data.GetBoolean("private") ?? false;
        if (draw)
        {
            if (drawing is null)
            {
                await InteractionReplies.EphemeralAsync(responder, "Drawing the area to edit isn't available on this bot. Use `region`, `box` or a `mask` image.", cancellationToken);
                return;
            }

            await drawing.HandleSlashAsync(interaction, responder, input, isPrivate, cancellationToken);
            return;
        }

        var origin = InteractionOrigin.From(interaction, EntryKind.Slash, isPrivate, timeProvider.GetUtcNow());
        await deferredIntake.RunAsync(interaction, responder, input, origin, anchorOnAnswer: true, cancellationToken);
    }
}
