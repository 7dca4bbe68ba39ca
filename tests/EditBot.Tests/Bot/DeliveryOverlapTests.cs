using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Tests.Bot.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;
using Invoker = EditBot.TestSupport.Discord.Inject.InteractionOrigin;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Bot;

/// <summary>
/// The delivery path does at once what does not depend on each other (issue "Outgrowing one machine"): the results
/// download side by side, the thread is started while they do, and the final edit goes out with the upload. Each test
/// holds one side at a fake and watches the other arrive there; each was red on the code that did them in turn.
/// </summary>
public class DeliveryOverlapTests
{
    private const string ThreadRoute = "POST /channels/{channel_id}/messages/{message_id}/threads";
    private const string PostRoute = "POST /channels/{channel_id}/messages";

    [Fact]
    public async Task The_results_download_side_by_side()
    {
        await using var host = await ExperienceHost.StartAsync();
        host.Gmi.MediaHold.Close();

        var (origin, _) = await StartEditAsync(host, count: 4);

        await Eventually.WaitUntilAsync(() => host.Gmi.MediaHold.Waiting == 4, "four result downloads held at the fake GMI at once");
        host.Gmi.MediaHold.Open();
        Assert.Equal(JobState.Done, (await host.WaitForJobAsync(j => j.IsTerminal)).State);
        Assert.Equal(5, ResultFiles(host, origin)); // contact sheet + 4 results
    }

    [Fact]
    public async Task The_thread_is_started_while_the_results_download()
    {
        await using var host = await ExperienceHost.StartAsync();
        host.Gmi.MediaHold.Close();

        var (origin, _) = await StartEditAsync(host, count: 2);

        await host.Gmi.MediaHold.WaitForArrivalAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await Eventually.WaitUntilAsync(() => ThreadCreates(host) == 1, "the thread, while the results are held at the fake GMI");
        Assert.True(host.Gmi.MediaHold.Waiting > 0);
        host.Gmi.MediaHold.Open();
        Assert.Equal(JobState.Done, (await host.WaitForJobAsync(j => j.IsTerminal)).State);
        Assert.Equal(1, ThreadCreates(host));
        Assert.Equal(3, ResultFiles(host, origin));
    }

    [Fact]
    public async Task A_fetch_retried_after_a_failed_download_starts_no_second_thread()
    {
        await using var host = await ExperienceHost.StartAsync(new Dictionary<string, string?>
        {
            ["Downloads:Retries"] = "0",
            ["Engine:StepBackoffBase"] = "00:00:00.100",
        });
        host.Gmi.EnqueueFault(FakeGmiRoute.Media, FakeGmiFault.Http(503));

        var (origin, _) = await StartEditAsync(host, count: 2);

        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        var events = await host.Services.GetRequiredService<IJobStore>().GetEventsAsync(job.Id, CancellationToken.None);
        Assert.Contains(events, e => e.Reason.StartsWith("Downloading the results", StringComparison.Ordinal));
        Assert.Equal(1, ThreadCreates(host));
        Assert.Equal(3, ResultFiles(host, origin));
    }

    [Fact]
    public async Task The_final_edit_goes_out_while_the_results_upload()
    {
        await using var host = await ExperienceHost.StartAsync();
        var upload = host.Discord.Hold(PostRoute);
        upload.Close();

        var (origin, _) = await StartEditAsync(host, count: 2);

        await upload.WaitForArrivalAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await Eventually.WaitUntilAsync(() => FinalEdits(host, origin) == 1, "the final edit, while the results are held at the fake Discord");
        Assert.True(upload.Waiting > 0);
        upload.Open();
        Assert.Equal(JobState.Done, (await host.WaitForJobAsync(j => j.IsTerminal)).State);
        Assert.Equal(3, ResultFiles(host, origin));
        var progress = host.Discord.GetMessage(host.Discord.GetInteraction(origin.Token)!.OriginalMessageId!.Value)!;
        Assert.Contains($"results in <#{Thread(host, origin)}>", progress.Content, StringComparison.Ordinal);
        host.Discord.AssertNoContractViolations();
    }

    /// <summary>Dispatches /edit of <paramref name="count"/> images in a new text channel.</summary>
    private static async Task<(Invoker Origin, ulong Channel)> StartEditAsync(ExperienceHost host, int count)
    {
        var channel = host.Discord.AddChannel(type: 0);
        var image = host.Discord.AddAttachment("cat.png", TestImages.Png(64, 64));
        var origin = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(origin.InteractionId), origin.Token, channel.Id);
        var spec = new AttachmentSpec(image.Url.AbsoluteUri, "cat.png", "image/png", image.Size, 64, 64) { Id = image.Id.ToString() };
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("edit", origin,
            Option.File("image", spec), Option.Text("prompt", "make it night"), Option.Number("count", count)));
        return (origin, channel.Id);
    }

    private static int ThreadCreates(ExperienceHost host) => host.Discord.Requests.Count(r => r.RouteKey == ThreadRoute);

    private static int FinalEdits(ExperienceHost host, Invoker origin) => host.Discord.Requests.Count(r =>
        r.Method == "PATCH" && r.Path.Contains(origin.Token, StringComparison.Ordinal) && r.Body?.Contains("Done in", StringComparison.Ordinal) == true);

    /// <summary>The thread started on the progress message (its id is the message's).</summary>
    private static ulong Thread(ExperienceHost host, Invoker origin) => host.Discord.GetInteraction(origin.Token)!.OriginalMessageId!.Value;

    /// <summary>Files the bot posted in the results thread.</summary>
    private static int ResultFiles(ExperienceHost host, Invoker origin) =>
        host.Discord.MessagesIn(Thread(host, origin)).Where(m => m.AuthorIsBot).Sum(m => m.Attachments.Count);
}
