using EditBot.Bot.Delivery;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Tests.Bot.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Invoker = EditBot.TestSupport.Discord.Inject.InteractionOrigin;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Bot;

/// <summary>Smoke tests of the experience on the real engine and both fakes; the lead's end-to-end suite covers the rest.</summary>
public class ExperienceFlowTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Slash_edit_defers_shows_progress_and_posts_results_in_a_thread_on_the_answer()
    {
        await using var host = await ExperienceHost.StartAsync();
        var channel = host.Discord.AddChannel(type: 0, id: ulong.Parse(Invoker.DefaultChannelId));
        var image = host.Discord.AddAttachment("cat.png", TestImages.Png(300, 200));
        var origin = new Invoker();
        host.Discord.RegisterInteraction(ulong.Parse(origin.InteractionId), origin.Token, channel.Id);
        var spec = new AttachmentSpec(image.Url.AbsoluteUri, "cat.png", "image/png", image.Size, 300, 200) { Id = image.Id.ToString() };

        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("edit", origin,
            Option.File("image", spec), Option.Text("prompt", "make it night"), Option.Number("count", 2)));

        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Method == "PATCH" && r.Body?.Contains("Done in") == true), "the final progress edit");

        var calls = host.Discord.Requests.Select(r => $"{r.Method} {r.RouteKey ?? r.Path}").ToList();
        output.WriteLine(string.Join("\n", host.Discord.Requests.Select(r => $"{r.Method} {r.Path} {r.Status}")));
        var callback = calls.FindIndex(c => c.Contains("callback", StringComparison.Ordinal));
        var thread = calls.FindIndex(c => c.Contains("threads", StringComparison.Ordinal));
        Assert.True(callback >= 0 && thread > callback, string.Join("\n", calls));
        var threadChannel = host.Discord.MessagesIn(channel.Id).Select(m => m.ThreadId).First(t => t is not null)!.Value;
        var results = host.Discord.MessagesIn(threadChannel);
        Assert.NotEmpty(results);
        Assert.Equal(3, results.Sum(m => m.Attachments.Count)); // contact sheet + 2 results
        Assert.Contains(results, m => m.Components.ToJsonString().Contains("eb:reroll:" + job.Id.ToString("N"), StringComparison.Ordinal));
        host.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task A_prompt_over_the_limit_is_refused_ephemerally_without_deferring()
    {
        await using var host = await ExperienceHost.StartAsync(new Dictionary<string, string?> { ["Bot:MaxPromptLength"] = "10" });
        var image = host.Discord.AddAttachment("cat.png", TestImages.Png(64, 64));
        var origin = new Invoker();
        host.Discord.RegisterInteraction(ulong.Parse(origin.InteractionId), origin.Token, ulong.Parse(Invoker.DefaultChannelId));
        var spec = new AttachmentSpec(image.Url.AbsoluteUri, "cat.png", "image/png", image.Size, 64, 64) { Id = image.Id.ToString() };

        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("edit", origin,
            Option.File("image", spec), Option.Text("prompt", "a prompt that is far too long")));

        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Path.Contains("callback", StringComparison.Ordinal)), "the answer");
        var answer = host.Discord.Requests.Single(r => r.Path.Contains("callback", StringComparison.Ordinal));
        Assert.Contains("\"type\":4", answer.Body);
        Assert.Contains("\"flags\":64", answer.Body);
        Assert.Contains("the limit is 10", answer.Body);
    }

    [Fact]
    public async Task In_a_dm_the_results_are_a_reply_to_the_answer()
    {
        await using var host = await ExperienceHost.StartAsync();
        var dm = host.Discord.AddChannel(type: 1, id: ulong.Parse(Invoker.DirectMessage.ChannelId));
        var image = host.Discord.AddAttachment("cat.png", TestImages.Png(64, 64));
        var origin = new Invoker { GuildId = null, ChannelType = 1, ChannelId = dm.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(origin.InteractionId), origin.Token, dm.Id);
        var spec = new AttachmentSpec(image.Url.AbsoluteUri, "cat.png", "image/png", image.Size, 64, 64) { Id = image.Id.ToString() };

        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("edit", origin, Option.File("image", spec), Option.Text("prompt", "make it night")));

        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        Assert.DoesNotContain(host.Discord.Requests, r => r.Path.Contains("threads", StringComparison.Ordinal));
        await Eventually.WaitUntilAsync(() => host.Discord.MessagesIn(dm.Id).Any(m => m.AuthorIsBot && m.Attachments.Count == 1 && m.ReferencedMessageId is not null), "the reply");
        var answer = host.Discord.GetInteraction(origin.Token)!.OriginalMessageId;
        Assert.Equal(answer, host.Discord.MessagesIn(dm.Id).Single(m => m.AuthorIsBot && m.Attachments.Count == 1).ReferencedMessageId);
    }

    [Fact]
    public async Task A_private_edit_sends_ephemeral_follow_ups_and_no_thread()
    {
        await using var host = await ExperienceHost.StartAsync();
        var channel = host.Discord.AddChannel(type: 0);
        var image = host.Discord.AddAttachment("cat.png", TestImages.Png(64, 64));
        var origin = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(origin.InteractionId), origin.Token, channel.Id);
        var spec = new AttachmentSpec(image.Url.AbsoluteUri, "cat.png", "image/png", image.Size, 64, 64) { Id = image.Id.ToString() };

        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("edit", origin,
            Option.File("image", spec), Option.Text("prompt", "make it night"), Option.Boolean("private", true)));

        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        Assert.DoesNotContain(host.Discord.Requests, r => r.Path.Contains("threads", StringComparison.Ordinal));
        var defer = host.Discord.Requests.First(r => r.Path.Contains("callback", StringComparison.Ordinal));
        Assert.Contains("\"flags\":64", defer.Body);
        await Eventually.WaitUntilAsync(
            () => host.Discord.Requests.Any(r => r.Method == "POST" && r.Path.EndsWith(origin.Token, StringComparison.Ordinal) && r.Files.Count == 1),
            "the ephemeral follow-up");
        // Every follow-up of a private edit, the results above all, is ephemeral: none may leak into the channel.
        var followups = host.Discord.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith(origin.Token, StringComparison.Ordinal)).ToList();
        Assert.All(followups, r => Assert.True((System.Text.Json.Nodes.JsonNode.Parse(r.Body!)!["flags"]!.GetValue<int>() & 64) != 0, r.Body));
        Assert.All(host.Discord.GetInteraction(origin.Token)!.FollowupMessageIds, id => Assert.True(host.Discord.GetMessage(id)!.IsEphemeral));
        Assert.DoesNotContain(host.Discord.MessagesIn(channel.Id), m => m.AuthorIsBot && m.Attachments.Count > 0 && !m.IsEphemeral);
    }

    [Fact]
    public async Task Delivery_run_again_after_a_crash_posts_nothing_twice()
    {
        await using var host = await ExperienceHost.StartAsync();
        var (job, _) = await FinishOneEditAsync(host, "make it night");
        var before = host.Discord.Requests.Count(r => r.Method == "POST");

        await DeliverAgainAsync(host, job);

        Assert.Equal(before, host.Discord.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_crash_after_posting_results_but_before_recording_them_does_not_post_them_twice()
    {
        await using var host = await ExperienceHost.StartAsync();
        var (job, channel) = await FinishOneEditAsync(host, "twice?");
        var thread = host.Discord.MessagesIn(channel).Select(m => m.ThreadId).First(t => t is not null)!.Value;
        var posted = host.Discord.MessagesIn(thread).Count(m => m.AuthorIsBot && m.Attachments.Count > 0);

        // The process died right after posting: nothing of the delivery was recorded.
        await host.Services.GetRequiredService<IKeyValueStore>().DeleteAsync(DeliveryRecords.Scope, job.Id.ToString("N"), CancellationToken.None);
        await DeliverAgainAsync(host, job);

        Assert.Equal(posted, host.Discord.MessagesIn(thread).Count(m => m.AuthorIsBot && m.Attachments.Count > 0));
        host.Discord.AssertNoContractViolations();
    }

    /// <summary>Runs one /edit to the end in a new text channel.</summary>
    private static async Task<(Job Job, ulong Channel)> FinishOneEditAsync(ExperienceHost host, string prompt)
    {
        var channel = host.Discord.AddChannel(type: 0);
        var image = host.Discord.AddAttachment("cat.png", TestImages.Png(64, 64));
        var origin = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(origin.InteractionId), origin.Token, channel.Id);
        var spec = new AttachmentSpec(image.Url.AbsoluteUri, "cat.png", "image/png", image.Size, 64, 64) { Id = image.Id.ToString() };
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("edit", origin, Option.File("image", spec), Option.Text("prompt", prompt)));
        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        return (job, channel.Id);
    }

    /// <summary>Calls the Discord delivery again for a finished job, as the engine would after a crash.</summary>
    private static async Task DeliverAgainAsync(ExperienceHost host, Job job)
    {
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        var results = new List<Blob>();
        foreach (var id in job.ResultBlobs)
        {
            results.Add((await blobs.GetAsync(id, CancellationToken.None))!);
        }

        await host.Services.GetServices<IJobDelivery>().Single(d => d.Kind == "discord").DeliverAsync(job, results, CancellationToken.None);
    }
}
