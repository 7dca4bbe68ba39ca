using System.Security.Cryptography;
using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;

namespace EditBot.Gmi.Tests;

public sealed class ReconciliationTests : FakeGmiBackendTest
{
    private static SubmitRequest Inline(string prompt, byte[] image, string size = "1024x1024") =>
        new(Guid.NewGuid(), prompt, Convert.ToBase64String(image), null, size, "medium", 1, Convert.ToHexString(SHA256.HashData(image)).ToLowerInvariant());

    private async Task<EditBackendException> SubmitDroppedAsync(SubmitRequest job)
    {
        Fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());
        return await Assert.ThrowsAsync<EditBackendException>(() => Backend.SubmitAsync(job, CancellationToken.None));
    }

    [Fact]
    public async Task The_request_whose_answer_was_dropped_is_found_and_no_other()
    {
        var image = FakeGmiInputs.Png(seed: 1);
        var lost = Inline("lost answer", image);
        await Backend.SubmitAsync(Inline("someone else", image), CancellationToken.None);
        await Backend.SubmitAsync(Inline("lost answer", image, "1536x1024"), CancellationToken.None);
        await Backend.SubmitAsync(Inline("lost answer", FakeGmiInputs.Png(seed: 9)), CancellationToken.None);
        ServerTime.Advance(TimeSpan.FromSeconds(5));

        var error = await SubmitDroppedAsync(lost);
        ServerTime.Advance(TimeSpan.FromSeconds(5));
        var found = await Backend.FindSubmittedAsync(lost, Start, CancellationToken.None);

        Assert.True(error.MaybeAccepted);
        var expected = Fake.Requests.Single(r => r.Prompt == "lost answer" && r.Size == "1024x1024" && r.Image == lost.Image);
        Assert.Equal([expected.RequestId], found.Matches.Select(m => m.RequestId));
        Assert.True(found.ListComplete);
        Assert.Equal(4, Fake.AcceptedSubmissions);
    }

    [Fact]
    public async Task A_job_that_never_reached_gmi_is_not_found()
    {
        var image = FakeGmiInputs.Png(seed: 5);
        await Backend.SubmitAsync(Inline("another job", image), CancellationToken.None);

        var found = await Backend.FindSubmittedAsync(Inline("never sent", image), Start, CancellationToken.None);

        Assert.Empty(found.Matches);
        Assert.True(found.ListComplete);
    }

    [Fact]
    public async Task Requests_created_well_before_the_intent_are_ignored_but_clock_skew_is_tolerated()
    {
        var job = Inline("skewed", FakeGmiInputs.Png(seed: 11));
        await SubmitDroppedAsync(job);

        var withinSkew = await Backend.FindSubmittedAsync(job, Start.AddSeconds(90), CancellationToken.None);
        var tooOld = await Backend.FindSubmittedAsync(job, Start.AddMinutes(3), CancellationToken.None);

        Assert.Single(withinSkew.Matches);
        Assert.Empty(tooOld.Matches);
    }

    [Fact]
    public async Task Staged_inputs_are_matched_by_url_and_every_match_is_listed_newest_first()
    {
        // The fake fetches only what it serves itself (as GMI fetches only public URLs), so the staged inputs live there.
        var first = Fake.ServeObject("bucket/a.png", FakeGmiInputs.Png(seed: 1)).ToString();
        var second = Fake.ServeObject("bucket/b.png", FakeGmiInputs.Png(seed: 2)).ToString();
        var staged = new SubmitRequest(Guid.NewGuid(), "staged twice", first, null, "1024x1024", "low", 2, "irrelevant");
        await Backend.SubmitAsync(staged, CancellationToken.None);
        ServerTime.Advance(TimeSpan.FromSeconds(10));
        await SubmitDroppedAsync(staged);
        await Backend.SubmitAsync(staged with { Image = second }, CancellationToken.None);

        var found = await Backend.FindSubmittedAsync(staged, Start, CancellationToken.None);

        var same = Fake.Requests.Where(r => r.Image == staged.Image).OrderByDescending(r => r.CreatedAt).Select(r => r.RequestId);
        Assert.Equal(same, found.Matches.Select(m => m.RequestId));
    }

    [Fact]
    public async Task A_request_with_another_mask_or_with_a_mask_where_the_job_had_none_is_not_the_jobs()
    {
        var image = FakeGmiInputs.Png(seed: 21);
        var mask = FakeGmiInputs.Mask(16, 16, topHalf: true);
        var otherMask = FakeGmiInputs.Mask(16, 16, topHalf: false);
        var masked = Inline("same words", image) with { Mask = Convert.ToBase64String(mask), MaskFingerprint = Hex(mask) };
        await Backend.SubmitAsync(masked with { Mask = Convert.ToBase64String(otherMask), MaskFingerprint = Hex(otherMask) }, CancellationToken.None);
        await Backend.SubmitAsync(masked, CancellationToken.None);

        var forMasked = await Backend.FindSubmittedAsync(masked, Start, CancellationToken.None);
        var forUnmasked = await Backend.FindSubmittedAsync(Inline("same words", image), Start, CancellationToken.None);

        var sentWithMask = Fake.Requests.Single(r => r.Mask == masked.Mask);
        Assert.Equal([sentWithMask.RequestId], forMasked.Matches.Select(m => m.RequestId));
        Assert.Empty(forUnmasked.Matches);
    }

    [Fact]
    public async Task A_list_longer_than_one_page_is_reported_incomplete_so_no_match_proves_nothing()
    {
        var image = FakeGmiInputs.Png(seed: 31);
        var lost = Inline("lost among many", image);
        await SubmitDroppedAsync(lost);
        for (var i = 0; i < Fake.ListPageSize; i++)
        {
            await Backend.SubmitAsync(Inline($"crowd {i}", image), CancellationToken.None);
        }

        var found = await Backend.FindSubmittedAsync(lost, Start, CancellationToken.None);

        Assert.Empty(found.Matches); // the lost request is there, but beyond the one page GMI answers
        Assert.False(found.ListComplete);
        Assert.Equal(Fake.ListPageSize + 1, Fake.AcceptedSubmissions);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
