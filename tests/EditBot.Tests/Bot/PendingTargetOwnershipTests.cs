using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using EditBot.Tests.Bot.Support;
using EditBot.Tests.Moderation.Discord.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Invoker = EditBot.TestSupport.Discord.Inject.InteractionOrigin;

namespace EditBot.Tests.Bot;

/// <summary>
/// A pending "Edit image" target belongs to the member who opened it and lives a bounded time. Old code: any member
/// who got hold of the modal's custom id could submit it (the submit was queued for the stranger, on the owner's
/// target), and a target never expired (a submit days later still downloaded the image and queued a job).
/// </summary>
public class PendingTargetOwnershipTests
{
    [Fact]
    public async Task A_modal_submit_from_another_member_is_refused_and_the_owner_can_still_submit()
    {
        await using var host = await ExperienceHost.StartAsync();
        var (channelId, customId) = await OpenModalAsync(host);

        var stranger = new Invoker { ChannelId = channelId.ToString(), User = DiscordUserSpec.OtherUser };
        var refusal = await SubmitAsync(host, channelId, customId, stranger);

        Assert.Contains("\"flags\":64", refusal, StringComparison.Ordinal);
        Assert.Contains("Only the member who used", refusal, StringComparison.Ordinal);
        Assert.Equal(0, host.Gmi.SubmitAttempts);

        await SubmitAsync(host, channelId, customId, new Invoker { ChannelId = channelId.ToString() });
        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        Assert.Equal(1, host.Gmi.AcceptedSubmissions);
    }

    [Fact]
    public async Task A_modal_submit_after_the_target_expired_is_refused_and_downloads_nothing()
    {
        var clock = new OffsetTimeProvider();
        await using var host = await ExperienceHost.StartAsync(new Dictionary<string, string?> { ["Bot:PendingTargetLifetime"] = "00:15:00" }, clock);
        var (channelId, customId) = await OpenModalAsync(host);
        var fetchesBefore = host.Discord.AttachmentFetches;

        clock.Advance(TimeSpan.FromMinutes(16));
        var refusal = await SubmitAsync(host, channelId, customId, new Invoker { ChannelId = channelId.ToString() });

        Assert.Contains("\"flags\":64", refusal, StringComparison.Ordinal);
        Assert.Contains("expired", refusal, StringComparison.Ordinal);
        Assert.Equal(fetchesBefore, host.Discord.AttachmentFetches);
        Assert.Equal(0, host.Gmi.SubmitAttempts);
    }

    private static async Task<(ulong ChannelId, string CustomId)> OpenModalAsync(ExperienceHost host)
    {
        var channel = host.Discord.AddChannel(type: 0);
        var image = host.Discord.AddAttachment("room.png", TestImages.Png(64, 64));
        var target = host.Discord.AddMessage(channel.Id, "my room", attachments: [image]);
        var command = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(command.InteractionId), command.Token, channel.Id);
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.MessageCommand("Edit image", host.Discord.ToMessageJson(target, fullContent: true), command));
        var modal = JsonNode.Parse(await ResponseAsync(host, command.InteractionId, "the modal"))!;
        return (channel.Id, (string)modal["data"]!["custom_id"]!);
    }

    private static async Task<string> SubmitAsync(ExperienceHost host, ulong channelId, string customId, Invoker submit)
    {
        host.Discord.RegisterInteraction(ulong.Parse(submit.InteractionId), submit.Token, channelId);
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.ModalSubmit(customId, [ModalField.TextInput("prompt", "paint the walls green")], submit));
        return await ResponseAsync(host, submit.InteractionId, "the answer to the submit");
    }

    private static async Task<string> ResponseAsync(ExperienceHost host, string interactionId, string what)
    {
        var path = "/interactions/" + interactionId + "/";
        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Path.Contains(path, StringComparison.Ordinal)), what);
        return host.Discord.Requests.First(r => r.Path.Contains(path, StringComparison.Ordinal)).Body!;
    }
}
