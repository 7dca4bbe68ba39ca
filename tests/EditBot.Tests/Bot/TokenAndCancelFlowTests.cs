using EditBot.Core.Jobs;
using EditBot.Tests.Bot.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;
using Invoker = EditBot.TestSupport.Discord.Inject.InteractionOrigin;

namespace EditBot.Tests.Bot;

/// <summary>Long jobs (the interaction token dies), cancel and /editbot status, on the real engine and both fakes.</summary>
public class TokenAndCancelFlowTests
{
    private static async Task<(Invoker Origin, ulong ChannelId)> StartEditAsync(ExperienceHost host, string prompt)
    {
        var channel = host.Discord.AddChannel(type: 0);
        var image = host.Discord.AddAttachment("cat.png", TestImages.Png(64, 64));
        var origin = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(origin.InteractionId), origin.Token, channel.Id);
        var spec = new AttachmentSpec(image.Url.AbsoluteUri, "cat.png", "image/png", image.Size, 64, 64) { Id = image.Id.ToString() };
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("edit", origin, Option.File("image", spec), Option.Text("prompt", prompt)));
        return (origin, channel.Id);
    }

    [Fact]
    public async Task After_the_token_lifetime_progress_and_results_use_the_bots_channel_messages()
    {
        await using var host = await ExperienceHost.StartAsync(new Dictionary<string, string?> { ["Bot:InteractionTokenLifetime"] = "00:00:01" });
        host.Gmi.Duration = _ => TimeSpan.FromSeconds(3);
        var (origin, _) = await StartEditAsync(host, "slow edit");

        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Method == "PATCH" && r.Path.Contains("/channels/", StringComparison.Ordinal) && r.Body?.Contains("Done in") == true),
            "the final edit through the channel route");
        var last = host.Discord.Requests.Last(r => r.Method == "PATCH");
        Assert.DoesNotContain(origin.Token, last.Path);
        Assert.Contains(host.Discord.Requests, r => r.Method == "POST" && r.Path.Contains("/threads", StringComparison.Ordinal));
        // The results went through the bot's own channel route, and nothing used the token after its (bot-side) lifetime.
        Assert.Contains(host.Discord.Requests, r => r.Method == "POST" && r.RouteKey == "POST /channels/{channel_id}/messages" && r.Files.Count > 0);
        var tokenUses = host.Discord.Requests.Where(r => r.Path.Contains(origin.Token, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(tokenUses, r => r.ReceivedAt > job.CompletedAt);
    }

    [Fact]
    public async Task The_cancel_button_cancels_the_job_and_status_lists_active_edits()
    {
        await using var host = await ExperienceHost.StartAsync();
        host.Gmi.Duration = _ => TimeSpan.FromMinutes(5);
        var (_, channelId) = await StartEditAsync(host, "never mind");
        var running = await host.WaitForJobAsync(j => j.State is JobState.Polling or JobState.Submitted);

        var status = new Invoker { ChannelId = channelId.ToString() };
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("editbot", status, Option.Subcommand("status")));
        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Path.Contains("/interactions/" + status.InteractionId + "/", StringComparison.Ordinal)), "the status");
        var statusBody = host.Discord.Requests.Single(r => r.Path.Contains("/interactions/" + status.InteractionId + "/", StringComparison.Ordinal)).Body!;
        Assert.Contains("never mind", statusBody);
        Assert.Contains($"eb:cancel:{running.Id:N}", statusBody);

        var click = new Invoker { ChannelId = channelId.ToString() };
        var progress = MessagePayloads.Message("progress", channelId: channelId.ToString(), author: new DiscordUserSpec(host.Discord.BotUserId.ToString(), "EditBot", Bot: true));
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.ButtonClick($"eb:cancel:{running.Id:N}", progress, click));

        var cancelled = await host.WaitForJobAsync(j => j.Id == running.Id && j.IsTerminal);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Method == "PATCH" && r.Body?.Contains("Cancelled after") == true), "the progress update");
    }
}
