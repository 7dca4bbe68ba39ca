using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Gmi.Tests;

public sealed class SubmitPollDownloadTests
{
    private static SubmitRequest Job(string prompt, string size = "1536x1024", int count = 2) =>
        new(Guid.NewGuid(), prompt, FakeGmiInputs.PngBase64, null, size, "high", count, "x");

    [Fact]
    public async Task A_job_is_submitted_polled_through_its_statuses_and_its_results_downloaded()
    {
        var serverTime = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        await using var fake = await GmiTestServices.StartFakeAsync(serverTime);
        fake.Duration = _ => TimeSpan.FromSeconds(30);
        await using var services = GmiTestServices.Create(fake, s => s["Gmi:OrganizationId"] = "org-42");
        var backend = services.GetRequiredService<IEditBackend>();

        var submitted = await backend.SubmitAsync(Job("paint the sky green"), CancellationToken.None);
        serverTime.Advance(TimeSpan.FromSeconds(12));
        var midway = await backend.GetAsync(submitted.RequestId, CancellationToken.None);
        serverTime.Advance(TimeSpan.FromSeconds(20));
        var done = await backend.GetAsync(submitted.RequestId, CancellationToken.None);
        var first = await backend.DownloadAsync(done.MediaUrls[0], CancellationToken.None);
        var second = await backend.DownloadAsync(done.MediaUrls[1], CancellationToken.None);

        Assert.Equal(RemoteStatus.Created, submitted.Status);
        Assert.Equal(RemoteStatus.Queued, midway.Status);
        Assert.Equal(RemoteStatus.Success, done.Status);
        Assert.Equal(2, done.MediaUrls.Count);
        Assert.Equal("image/png", first.MediaType);
        Assert.Equal((1536, 1024), Png.Size(first.Content));
        Assert.NotEqual(first.Content, second.Content);
        Assert.All(fake.Log.Where(e => e.PathAndQuery.StartsWith(FakeGmiServer.ApiPath, StringComparison.Ordinal)), e =>
        {
            Assert.Equal("Bearer " + FakeGmiServer.DefaultApiKey, e.Authorization);
            Assert.Equal("org-42", e.OrganizationId);
        });
        Assert.All(fake.Log.Where(e => e.PathAndQuery.StartsWith("/media", StringComparison.Ordinal)), e => Assert.Empty(e.Authorization!));
    }

    [Theory]
    [InlineData(FakeGmiOutcomeShape.MediaUrls)]
    [InlineData(FakeGmiOutcomeShape.ImageUrl)]
    [InlineData(FakeGmiOutcomeShape.Medias)]
    public async Task A_post_answer_that_is_already_terminal_carries_its_outcome(FakeGmiOutcomeShape shape)
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        fake.ZeroLatency = true;
        fake.OutcomeShape = shape;
        await using var services = GmiTestServices.Create(fake);
        var backend = services.GetRequiredService<IEditBackend>();

        var submitted = await backend.SubmitAsync(Job("instant", "1024x1024", 1), CancellationToken.None);
        var image = await backend.DownloadAsync(submitted.MediaUrls[0], CancellationToken.None);

        Assert.True(submitted.IsTerminal);
        Assert.Equal(RemoteStatus.Success, submitted.Status);
        Assert.Equal((1024, 1024), Png.Size(image.Content));
    }

    [Fact]
    public async Task Status_strings_in_upper_case_are_understood_end_to_end()
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        fake.ZeroLatency = true;
        fake.StatusSequence = ["CREATED", "SUCCESS"];
        await using var services = GmiTestServices.Create(fake);
        var backend = services.GetRequiredService<IEditBackend>();

        var submitted = await backend.SubmitAsync(Job("caps", "1024x1024", 1), CancellationToken.None);

        Assert.Equal(RemoteStatus.Success, submitted.Status);
        Assert.Single(submitted.MediaUrls);
    }

    [Theory]
    [InlineData("Rate limit reached for requests", RemoteFailureKind.RateLimited)]
    [InlineData("moderation_blocked", RemoteFailureKind.ContentPolicy)]
    [InlineData("worker exploded", RemoteFailureKind.Other)]
    public async Task A_terminal_failed_record_is_classified(string text, RemoteFailureKind kind)
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        fake.Duration = _ => TimeSpan.FromMilliseconds(1);
        fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.FailWith(text));
        await using var services = GmiTestServices.Create(fake);
        var backend = services.GetRequiredService<IEditBackend>();

        var submitted = await backend.SubmitAsync(Job("fails", "1024x1024", 1), CancellationToken.None);
        fake.Finish(submitted.RequestId);
        var done = await backend.GetAsync(submitted.RequestId, CancellationToken.None);

        Assert.Equal(RemoteStatus.Failed, done.Status);
        Assert.Equal(text, done.FailureReason);
        Assert.Equal(kind, done.FailureKind);
        Assert.Empty(done.MediaUrls);
    }

    [Theory]
    [InlineData("model_ids")]
    [InlineData("models")]
    public async Task Model_list_is_read_under_either_key_and_model_details_carry_the_price(string key)
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        fake.ModelListKey = key;
        fake.Models["seedream-edit"] = 0.03m;
        await using var services = GmiTestServices.Create(fake);
        var client = services.GetRequiredService<GmiClient>();

        var ids = await client.ListModelsAsync(CancellationToken.None);
        var model = await client.GetModelAsync(null, CancellationToken.None);

        Assert.Equal(["gpt-image-2-edit", "seedream-edit"], ids);
        Assert.Equal("gpt-image-2-edit", model.Id);
        Assert.Equal(new GmiPriceInfo(0.04m, "per_image", "image"), model.PriceInfo);
        Assert.NotEmpty(model.Parameters);
    }

    [Fact]
    public async Task Details_of_an_unknown_model_are_a_configuration_error()
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        await using var services = GmiTestServices.Create(fake);
        var client = services.GetRequiredService<GmiClient>();

        var error = await Assert.ThrowsAsync<EditBackendException>(() => client.GetModelAsync("gpt-image-2-EDIT", CancellationToken.None));

        Assert.Equal(BackendErrorKind.Configuration, error.Kind);
        Assert.Contains("Gmi:Model", error.Message, StringComparison.Ordinal);
    }
}
