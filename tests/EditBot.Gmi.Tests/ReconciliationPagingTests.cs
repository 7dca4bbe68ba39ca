using System.Security.Cryptography;
using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Gmi.Tests;

/// <summary>
/// Reconciliation reads GET /requests page by page (bounded by Gmi:ReconcileMaxPages), trusting only what it can check:
/// a page bringing no new record ends the read, and only as many records as `total` make it complete. The fake answers
/// at most 5 records a page here and honours `page`/`page_size` only where a test turns paging on.
/// </summary>
public sealed class ReconciliationPagingTests : FakeGmiBackendTest
{
    private static SubmitRequest Inline(string prompt, byte[] image) =>
        new(Guid.NewGuid(), prompt, Convert.ToBase64String(image), null, "1024x1024", "medium", 1, Convert.ToHexStringLower(SHA256.HashData(image)));

    private IReadOnlyList<string> ListQueries() =>
        [.. Fake.Log.Where(l => l.Method == "GET" && l.PathAndQuery.Contains("/requests?", StringComparison.Ordinal)).Select(l => l.PathAndQuery)];

    private async Task<SubmitRequest> LoseAmongAsync(string prompt, int later)
    {
        Fake.ListPageSize = 5;
        var image = FakeGmiInputs.Png(seed: 41);
        var lost = Inline(prompt, image);
        Fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());
        await Assert.ThrowsAsync<EditBackendException>(() => Backend.SubmitAsync(lost, CancellationToken.None));
        for (var i = 0; i < later; i++)
        {
            await Backend.SubmitAsync(Inline($"crowd {i}", image), CancellationToken.None);
        }

        return lost;
    }

    // Old code (main before this change): one GET, page one only: no match and ListComplete false, so the job ended
    // "may already have been accepted" although GMI would have shown the request on page three.
    [Fact]
    public async Task A_lost_request_pushed_to_a_later_page_is_found_when_gmi_pages()
    {
        Fake.ListHonoursPaging = true;
        var lost = await LoseAmongAsync("pushed back", later: 12);

        var found = await Backend.FindSubmittedAsync(lost, Start, CancellationToken.None);

        Assert.Equal(Fake.FindByPrompt("pushed back")!.RequestId, Assert.Single(found.Matches).RequestId);
        Assert.True(found.ListComplete);
        Assert.Equal(["page=1", "page=2", "page=3"], ListQueries().Select(q => q.Split('&').Single(p => p.StartsWith("page=", StringComparison.Ordinal))));
    }

    // Old code: one GET and incomplete (it never asked for a second page); new code asks once more, sees nothing new, stops.
    [Fact]
    public async Task A_server_that_ignores_paging_is_read_twice_at_most_and_reported_incomplete()
    {
        var lost = await LoseAmongAsync("crowded", later: 12);

        var found = await Backend.FindSubmittedAsync(lost, Start, CancellationToken.None);

        Assert.Empty(found.Matches);
        Assert.False(found.ListComplete);
        Assert.Equal(2, ListQueries().Count); // the second page brought nothing new: stop
    }

    // Old code: no bound to test (one page only). New code: a list longer than the bound never turns into "not sent".
    [Fact]
    public async Task Reading_stops_at_the_page_bound_and_the_read_is_incomplete()
    {
        Fake.ListHonoursPaging = true;
        await using var bounded = GmiTestServices.Create(Fake, settings => settings["Gmi:ReconcileMaxPages"] = "2");
        var backend = bounded.GetRequiredService<IEditBackend>();
        var lost = await LoseAmongAsync("beyond the bound", later: 12);

        var found = await backend.FindSubmittedAsync(lost, Start, CancellationToken.None);

        Assert.Empty(found.Matches);
        Assert.False(found.ListComplete);
        Assert.Equal(2, ListQueries().Count);
    }

    [Theory]
    [InlineData("Gmi:ReconcileMaxPages", "0")]
    [InlineData("Gmi:ReconcilePageSize", "1001")]
    public void A_page_bound_out_of_range_is_refused_with_the_setting_named(string key, string value)
    {
        using var services = GmiTestServices.Create(Fake, settings => settings[key] = value);

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GmiOptions>>().Value);

        Assert.Contains("Gmi:ReconcilePageSize and Gmi:ReconcileMaxPages must be between 1 and 1000.", error.Failures);
    }
}
