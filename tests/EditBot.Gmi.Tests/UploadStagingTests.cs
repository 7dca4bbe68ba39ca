using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Gmi.Tests;

public sealed class UploadStagingTests
{
    [Fact]
    public async Task Small_inputs_stay_inline()
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        await using var services = GmiTestServices.Create(fake, s => s["Gmi:InlineLimitBytes"] = "1000");
        var backend = services.GetRequiredService<IEditBackend>();

        var staged = await backend.StageInputAsync(new byte[1000], "image/png", CancellationToken.None);

        Assert.Null(staged);
        Assert.Empty(fake.Log);
    }

    [Fact]
    public async Task Large_inputs_are_uploaded_with_the_signed_content_type_and_passed_by_public_url()
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        var logs = new LogCapture();
        await using var services = GmiTestServices.Create(fake, s => s["Gmi:InlineLimitBytes"] = "1000", logs: logs);
        var backend = services.GetRequiredService<IEditBackend>();
        var content = FakeGmiInputs.Png(64, 64);

        var publicUrl = await backend.StageInputAsync(content, "image/png", CancellationToken.None);
        var submitted = await backend.SubmitAsync(new SubmitRequest(Guid.NewGuid(), "staged", publicUrl!, null, "1024x1024", "low", 1, "x"), CancellationToken.None);

        Assert.NotNull(publicUrl);
        Assert.Equal(content, fake.UploadedContent(publicUrl));
        var put = Assert.Single(fake.Log, e => e.Method == "PUT");
        Assert.Equal("image/png", put.ContentType);
        Assert.Equal(200, put.StatusCode);
        Assert.Empty(put.Authorization!);
        Assert.Equal(publicUrl, fake.FindByPrompt("staged")!.Image);
        Assert.False(string.IsNullOrEmpty(submitted.RequestId));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("X-Goog-Signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transiently_failed_upload_put_is_retried()
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        fake.EnqueueFault(FakeGmiRoute.UploadPut, FakeGmiFault.Http(503));
        await using var services = GmiTestServices.Create(fake, s => s["Gmi:InlineLimitBytes"] = "10");
        var backend = services.GetRequiredService<IEditBackend>();

        var publicUrl = await backend.StageInputAsync(new byte[100], "image/png", CancellationToken.None);

        Assert.Equal(new byte[100], fake.UploadedContent(publicUrl!));
        Assert.Equal(2, fake.Log.Count(e => e.Method == "PUT"));
        Assert.Equal(1, fake.Log.Count(e => e.PathAndQuery.EndsWith("/upload-url", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_upload_is_a_bad_request_without_the_storage_text()
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        fake.EnqueueFault(FakeGmiRoute.UploadPut, FakeGmiFault.Http(403, "<Error>secret-sig</Error>"));
        await using var services = GmiTestServices.Create(fake, s => s["Gmi:InlineLimitBytes"] = "10");
        var backend = services.GetRequiredService<IEditBackend>();

        var error = await Assert.ThrowsAsync<EditBackendException>(() => backend.StageInputAsync(new byte[100], "image/png", CancellationToken.None));

        Assert.Equal(BackendErrorKind.BadRequest, error.Kind);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
