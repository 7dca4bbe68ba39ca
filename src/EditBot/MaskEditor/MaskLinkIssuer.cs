using System.Security.Cryptography;
using EditBot.Bot.Intake;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Imaging.Intake;
using EditBot.Origin;
using Microsoft.Extensions.Options;

namespace EditBot.MaskEditor;

/// <summary>What a mask link is made from: the image, the plan of the edit, and the job whose result it edits (if any).</summary>
public sealed record MaskLinkRequest(ImageSource Image, MaskEditPlan Plan, Job? Source = null);

/// <summary>
/// Makes mask-editor links: checks the person's limits and the rules that need no pixels (so nobody draws for a
/// refusal), prepares the image as the model will get it and stores it, then records a draft and signs its token.
/// </summary>
public sealed class MaskLinkIssuer(
    EditIntake intake,
    ImageIntake imageIntake,
    IBlobStore blobs,
    MaskDrafts drafts,
    MaskLinkKeys keys,
    TimeProvider time,
    IOptions<MaskEditorOptions> options)
{
    /// <summary>Said wherever a link would be offered while <c>Http:PublicBaseUrl</c> is unset.</summary>
    public const string DisabledText =
        "Drawing the area to edit needs the bot's web page, which is off on this bot: its operator enables it by setting " +
        "`Http:PublicBaseUrl` to the address browsers reach the bot at (see the README, \"Drawing a mask\"). " +
        "Meanwhile, use `region`, `box` or a `mask` image with `/edit`.";

    public bool Enabled => options.Value.Enabled;

    /// <returns>The link to open, or the refusal to show.</returns>
    public async Task<(Uri? Link, string? Refusal)> IssueAsync(MaskLinkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (settings.PublicBaseUrl is not { } baseUrl)
        {
            return (null, DisabledText);
        }

        var plan = request.Plan;
        var input = new EditInput { Image = request.Image, Prompt = plan.Prompt, Quality = plan.Quality, Count = plan.Count };
        if (await intake.PrecheckAsync(input, plan.Origin, (plan.RoleIds, plan.Permissions), request.Source, cancellationToken) is { } refused)
        {
            return (null, refused);
        }

        var (bytes, loadRefusal) = await intake.LoadAsync(request.Image, "the image", cancellationToken);
        if (loadRefusal is not null)
        {
            return (null, loadRefusal);
        }

        var prepared = await imageIntake.PrepareAsync(bytes, cancellationToken: cancellationToken);
        if (prepared is ImageRejection rejection)
        {
            return (null, EditIntake.RejectionText(rejection));
        }

        var edit = (PreparedEdit)prepared;
        var imageBlob = await blobs.PutAsync(edit.Image, edit.MediaType, cancellationToken);
        var linkId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        // Whole seconds: the token carries Unix seconds, and the draft must say the same instant.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + settings.MaskLinkLifetime).ToUnixTimeSeconds());
        await drafts.SaveAsync(new MaskDraft
        {
            LinkId = linkId,
            UserId = plan.Origin.UserId,
            ImageBlob = imageBlob,
            ImageMediaType = edit.MediaType,
            Width = edit.Width,
            Height = edit.Height,
            Plan = plan with
            {
                Prompt = plan.Prompt.Trim(),
                Origin = plan.Origin with
                {
                    InteractionId = null,
                    InteractionToken = null,
                    TokenIssuedAt = null,
                    ProgressMessageId = null,
                    ProgressIsOriginalResponse = false,
                    Entry = EntryKind.MaskEditor,
                    Private = false,
                },
            },
            SourceJobId = request.Source?.Id,
            ExpiresAt = expiresAt,
        }, cancellationToken);

        var signer = await keys.GetSignerAsync(cancellationToken);
        var token = signer.Sign(new MaskLinkToken(linkId, plan.Origin.UserId, expiresAt, MaskLinkSigner.ImageTag(imageBlob)));
        return (MaskEditorPaths.Page(baseUrl, token), null);
    }
}
