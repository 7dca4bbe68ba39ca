using System.Security.Cryptography;
using EditBot.MaskEditor;
using EditBot.Origin;
using EditBot.TestSupport.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Tests.MaskEditor;

/// <summary>Signing, expiry and single use of mask-editor links, on the in-memory store and a fake clock.</summary>
public class MaskLinkTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static MaskLinkToken Token(DateTimeOffset? expires = null) =>
        new("0123456789abcdef0123456789abcdef", 42, expires ?? Start.AddMinutes(30), MaskLinkSigner.ImageTag("blob-1"));

    [Fact]
    public void A_signed_token_reads_back_as_it_was_signed()
    {
        var signer = new MaskLinkSigner(RandomNumberGenerator.GetBytes(32));
        var text = signer.Sign(Token());
        Assert.Equal(Token(), signer.Verify(text));
        Assert.True(text.Length < 120, "short enough for a URL path segment");
        Assert.DoesNotContain('/', text);
        Assert.DoesNotContain('+', text);
    }

    [Fact]
    public void Changing_any_byte_of_a_token_or_signing_with_another_key_makes_it_invalid()
    {
        var signer = new MaskLinkSigner(RandomNumberGenerator.GetBytes(32));
        var bytes = WebEncoders.Base64UrlDecode(signer.Sign(Token()));
        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            Assert.Null(signer.Verify(WebEncoders.Base64UrlEncode(tampered)));
        }

        Assert.Null(new MaskLinkSigner(RandomNumberGenerator.GetBytes(32)).Verify(signer.Sign(Token())));
        Assert.Null(signer.Verify(WebEncoders.Base64UrlEncode(bytes[..^1])));
        Assert.Null(signer.Verify("not a token!"));
        Assert.Null(signer.Verify(""));
    }

    [Fact]
    public void A_key_shorter_than_32_bytes_is_refused() =>
        Assert.Throws<ArgumentException>(() => new MaskLinkSigner(new byte[31]));

    [Fact]
    public async Task Without_a_configured_key_two_instances_on_one_store_generate_and_share_one()
    {
        var store = new InMemoryKeyValueStore();
        using var first = new MaskLinkKeys(store, Options.Create(new MaskEditorOptions()));
        using var second = new MaskLinkKeys(store, Options.Create(new MaskEditorOptions()));
        var signers = await Task.WhenAll(first.GetSignerAsync(CancellationToken.None), second.GetSignerAsync(CancellationToken.None));
        Assert.Equal(Token(), signers[1].Verify(signers[0].Sign(Token())));
        Assert.NotNull(await store.GetAsync(MaskLinkKeys.Scope, MaskLinkKeys.KeyName, CancellationToken.None));
    }

    [Fact]
    public async Task A_link_opens_until_its_expiry_and_not_after()
    {
        var (gate, _, time, token) = await IssueAsync();
        Assert.Equal(200, (await gate.OpenAsync(token, CancellationToken.None)).Status);
        time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(200, (await gate.OpenAsync(token, CancellationToken.None)).Status);
        time.Advance(TimeSpan.FromMinutes(1));
        var expired = await gate.OpenAsync(token, CancellationToken.None);
        Assert.Equal(410, expired.Status);
        Assert.Equal(MaskLinkGate.ExpiredText, expired.Message);
    }

    [Fact]
    public async Task A_used_link_is_gone_and_a_link_whose_draft_names_another_user_or_image_is_invalid()
    {
        var (gate, drafts, _, token) = await IssueAsync();
        var linkId = Token().LinkId;
        await drafts.UpdateAsync(linkId, d => d with { State = MaskDraftState.Used }, CancellationToken.None);
        Assert.Equal((410, MaskLinkGate.UsedText), Pair(await gate.OpenAsync(token, CancellationToken.None)));

        await drafts.UpdateAsync(linkId, d => d with { State = MaskDraftState.Open, UserId = 7 }, CancellationToken.None);
        Assert.Equal(404, (await gate.OpenAsync(token, CancellationToken.None)).Status);
        await drafts.UpdateAsync(linkId, d => d with { UserId = 42, ImageBlob = "blob-2" }, CancellationToken.None);
        Assert.Equal(404, (await gate.OpenAsync(token, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Of_sixteen_claims_of_one_draft_at_once_exactly_one_wins()
    {
        var (_, drafts, _, _) = await IssueAsync();
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => drafts.UpdateAsync(
            Token().LinkId, d => d.State == MaskDraftState.Open ? d with { State = MaskDraftState.Submitting } : null, CancellationToken.None))));
        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task Drafts_an_hour_past_their_expiry_are_pruned_and_younger_ones_kept()
    {
        var (_, drafts, _, _) = await IssueAsync();
        Assert.Equal(0, await drafts.PruneAsync(Start, CancellationToken.None));
        Assert.Equal(1, await drafts.PruneAsync(Start.AddMinutes(31), CancellationToken.None));
        Assert.Null(await drafts.GetAsync(Token().LinkId, CancellationToken.None));
    }

    private static (int, string) Pair(MaskLinkGate.Opened opened) => (opened.Status, opened.Message);

    private static async Task<(MaskLinkGate Gate, MaskDrafts Drafts, FakeTimeProvider Time, string Token)> IssueAsync()
    {
        var store = new InMemoryKeyValueStore();
        var time = new FakeTimeProvider(Start);
        var keys = new MaskLinkKeys(store, Options.Create(new MaskEditorOptions { MaskLinkKey = Convert.ToBase64String(new byte[32]) }));
        var drafts = new MaskDrafts(store);
        await drafts.SaveAsync(new MaskDraft
        {
            LinkId = Token().LinkId,
            UserId = 42,
            ImageBlob = "blob-1",
            ImageMediaType = "image/png",
            Width = 10,
            Height = 10,
            Plan = new MaskEditPlan { Origin = new DiscordOrigin { UserId = 42, ChannelId = 1 } },
            ExpiresAt = Token().ExpiresAt,
        }, CancellationToken.None);
        var signer = await keys.GetSignerAsync(CancellationToken.None);
        return (new MaskLinkGate(keys, drafts, time), drafts, time, signer.Sign(Token()));
    }
}
