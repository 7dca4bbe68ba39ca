namespace EditBot.MaskEditor;

/// <summary>
/// Every request under a link passes here: a forged or unknown link is 404, an expired or used one 410, each with
/// words a person can act on. Only an open (or being submitted) draft bound to the token's user and image gets through.
/// </summary>
public sealed class MaskLinkGate(MaskLinkKeys keys, MaskDrafts drafts, TimeProvider time)
{
    public const string InvalidText = "This link isn't valid. Open the drawing page again from Discord.";
    public const string ExpiredText = "This link has expired. Links last a short while; open a new one from Discord (the Edit region button or command).";
    public const string UsedText = "This link was already used: its edit is queued. Open a new one from Discord to draw another.";

    public sealed record Opened(int Status, string Message, MaskDraft? Draft);

    public static MaskSubmitAnswer UsedAnswer(MaskDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new MaskSubmitAnswer(410, false, UsedText, draft.ResultUrl);
    }

    public async Task<Opened> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        var signer = await keys.GetSignerAsync(cancellationToken);
        if (signer.Verify(token) is not { } link)
        {
            return new Opened(404, InvalidText, null);
        }

        if (link.ExpiresAt <= time.GetUtcNow())
        {
            return new Opened(410, ExpiredText, null);
        }

        var draft = await drafts.GetAsync(link.LinkId, cancellationToken);
        if (draft is null || draft.UserId != link.UserId || MaskLinkSigner.ImageTag(draft.ImageBlob) != link.ImageTag || draft.ExpiresAt != link.ExpiresAt)
        {
            return new Opened(404, InvalidText, null);
        }

        return draft.State == MaskDraftState.Used ? new Opened(410, UsedText, null) : new Opened(200, "", draft);
    }
}
