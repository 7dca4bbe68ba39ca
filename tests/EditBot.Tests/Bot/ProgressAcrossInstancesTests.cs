using EditBot.Bot.Progress;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Tests.Bot.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.Extensions.DependencyInjection;
using Invoker = EditBot.TestSupport.Discord.Inject.InteractionOrigin;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Bot;

/// <summary>
/// Several instances share one store: a progress edit that one instance held back (coalesced, or waiting for its
/// interval) may come due after another instance delivered the results and wrote the final message. The other instance
/// is a second <see cref="ProgressPublisher"/> on the same store and the same Discord, as a second process has.
/// </summary>
public class ProgressAcrossInstancesTests
{
    [Fact]
    public async Task A_progress_edit_held_by_another_instance_never_replaces_the_final_message()
    {
        await using var host = await ExperienceHost.StartAsync();
        var (job, origin) = await FinishOneEditAsync(host, "make it night");
        var final = FinalMessage(host, origin);
        var patches = Patches(host, origin);

        // The other instance last saw the job editing; its edit comes due now that the results are posted.
        var other = ActivatorUtilities.CreateInstance<ProgressPublisher>(host.Services);
        other.Submit(job with { State = JobState.Polling, CompletedAt = null });
        await other.WhenIdleAsync(job.Id);

        Assert.Equal(patches, Patches(host, origin));
        Assert.Equal(final, FinalMessage(host, origin));
    }

    [Fact]
    public async Task A_job_that_fails_after_its_final_message_was_written_keeps_that_message()
    {
        await using var host = await ExperienceHost.StartAsync();
        var (job, origin) = await FinishOneEditAsync(host, "make it night");
        var final = FinalMessage(host, origin);
        var patches = Patches(host, origin);

        // The delivery wrote the final message, then saving Done kept failing until the job was failed.
        var store = host.Services.GetRequiredService<IJobStore>();
        var failed = await store.TryUpdateAsync(
            job with { State = JobState.Failed, Failure = new JobFailure(FailureCode.Unavailable, "Delivering kept failing") },
            new JobEvent(job.Id, DateTimeOffset.UtcNow, JobState.Done, JobState.Failed, "test: failed after delivery"), CancellationToken.None);
        Assert.NotNull(failed);
        var other = ActivatorUtilities.CreateInstance<ProgressPublisher>(host.Services);
        other.Submit(failed);
        await other.WhenIdleAsync(job.Id);

        Assert.Equal(patches, Patches(host, origin));
        Assert.Equal(final, FinalMessage(host, origin));
    }

    /// <summary>Runs one /edit of two images to Done and waits for its final progress edit.</summary>
    private static async Task<(Job Job, Invoker Origin)> FinishOneEditAsync(ExperienceHost host, string prompt)
    {
        var channel = host.Discord.AddChannel(type: 0);
        var image = host.Discord.AddAttachment("cat.png", TestImages.Png(64, 64));
        var origin = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(origin.InteractionId), origin.Token, channel.Id);
        var spec = new AttachmentSpec(image.Url.AbsoluteUri, "cat.png", "image/png", image.Size, 64, 64) { Id = image.Id.ToString() };
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("edit", origin,
            Option.File("image", spec), Option.Text("prompt", prompt), Option.Number("count", 2)));
        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        await Eventually.WaitUntilAsync(() => FinalMessage(host, origin).Content.Contains("Done in", StringComparison.Ordinal), "the final progress edit");
        return (job, origin);
    }

    /// <summary>What the requester sees in the progress message: its text, buttons and files.</summary>
    private static (string Content, string Components, string Files) FinalMessage(ExperienceHost host, Invoker origin)
    {
        var message = host.Discord.GetMessage(host.Discord.GetInteraction(origin.Token)!.OriginalMessageId!.Value)!;
        return (message.Content, message.Components.ToJsonString(), string.Join(",", message.Attachments.Select(a => a.Filename)));
    }

    private static int Patches(ExperienceHost host, Invoker origin) =>
        host.Discord.Requests.Count(r => r.Method == "PATCH" && r.Path.Contains(origin.Token, StringComparison.Ordinal));
}
