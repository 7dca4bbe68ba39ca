using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using EditBot.Tests.Bot.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Invoker = EditBot.TestSupport.Discord.Inject.InteractionOrigin;

namespace EditBot.Tests.Bot;

/// <summary>Apps → Edit image and the result buttons, on the real engine and both fakes.</summary>
public class MessageCommandFlowTests
{
    private static AttachmentSpec Spec(EditBot.TestSupport.Discord.FakeAttachment a, int w, int h) =>
        new(a.Url.AbsoluteUri, a.Filename, a.ContentType, a.Size, w, h) { Id = a.Id.ToString() };

    [Fact]
    public async Task Edit_image_opens_a_modal_and_the_submit_with_a_mask_threads_results_on_the_target()
    {
        await using var host = await ExperienceHost.StartAsync();
        var channel = host.Discord.AddChannel(type: 0);
        var image = host.Discord.AddAttachment("room.png", TestImages.Png(256, 256));
        var mask = host.Discord.AddAttachment("mask.png", TestImages.Mask(256, 256, topHalf: true));
        var target = host.Discord.AddMessage(channel.Id, "my room", attachments: [image]);
        var command = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(command.InteractionId), command.Token, channel.Id);

        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.MessageCommand("Edit image", host.Discord.ToMessageJson(target, fullContent: true), command));

        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Path.Contains("/interactions/" + command.InteractionId + "/", StringComparison.Ordinal)), "the modal");
        var modal = JsonNode.Parse(host.Discord.Requests.Single(r => r.Path.Contains("/interactions/" + command.InteractionId + "/", StringComparison.Ordinal)).Body!)!;
        Assert.Equal(9, (int)modal["type"]!);
        var customId = (string)modal["data"]!["custom_id"]!;
        Assert.Equal($"eb:target:{command.InteractionId}:0", customId);

        var submit = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(submit.InteractionId), submit.Token, channel.Id);
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.ModalSubmit(customId,
            [ModalField.TextInput("prompt", "paint the walls green"), ModalField.FileUpload("mask", Spec(mask, 256, 256))], submit));

        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        // At GMI: the uploaded mask, at the image's size, white (edit) on top and black (keep) below.
        var sent = Assert.Single(host.Gmi.Requests);
        Assert.Equal((sent.ImageFacts!.Width, sent.ImageFacts.Height), (sent.MaskFacts!.Width, sent.MaskFacts.Height));
        Assert.True(sent.MaskFacts.IsWhiteAt(0.5, 0.25), "the top half is white (edit)");
        Assert.False(sent.MaskFacts.IsWhiteAt(0.5, 0.75), "the bottom half is black (keep)");
        await Eventually.WaitUntilAsync(() => host.Discord.GetMessage(target.Id)?.ThreadId is not null, "the thread on the target");
        Assert.Single(host.Discord.MessagesIn(host.Discord.GetMessage(target.Id)!.ThreadId!.Value));
        host.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Edit_image_on_a_forwarded_image_edits_the_snapshots_image_and_threads_on_the_forward()
    {
        await using var host = await ExperienceHost.StartAsync();
        var elsewhere = host.Discord.AddChannel(type: 0);
        var channel = host.Discord.AddChannel(type: 0);
        var photo = host.Discord.AddAttachment("pier.png", TestImages.Png(320, 200));
        var original = host.Discord.AddMessage(elsewhere.Id, "sunset", attachments: [photo]);
        var forward = host.Discord.AddForwardedMessage(channel.Id, original);
        var command = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(command.InteractionId), command.Token, channel.Id);

        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.MessageCommand("Edit image", host.Discord.ToMessageJson(forward, fullContent: true), command));

        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Path.Contains("/interactions/" + command.InteractionId + "/", StringComparison.Ordinal)), "the answer");
        var modal = JsonNode.Parse(host.Discord.Requests.Single(r => r.Path.Contains("/interactions/" + command.InteractionId + "/", StringComparison.Ordinal)).Body!)!;
        Assert.Equal(9, (int)modal["type"]!); // the prompt modal, not "That message has no image attached"
        var submit = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(submit.InteractionId), submit.Token, channel.Id);
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.ModalSubmit((string)modal["data"]!["custom_id"]!,
            [ModalField.TextInput("prompt", "add a lighthouse")], submit));

        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        Assert.Equal(JobState.Done, job.State);
        var sent = Assert.Single(host.Gmi.Requests);
        Assert.Equal((320, 200), (sent.ImageFacts!.Width, sent.ImageFacts.Height)); // the snapshot's image reached GMI
        await Eventually.WaitUntilAsync(() => host.Discord.GetMessage(forward.Id)?.ThreadId is not null, "the thread on the forward");
        Assert.Single(host.Discord.MessagesIn(host.Discord.GetMessage(forward.Id)!.ThreadId!.Value));
        host.Discord.AssertNoContractViolations();
    }

    [Fact]
    public async Task Delete_is_refused_to_others_and_allowed_to_the_requester()
    {
        await using var host = await ExperienceHost.StartAsync();
        var channel = host.Discord.AddChannel(type: 0);
        var image = host.Discord.AddAttachment("cat.png", TestImages.Png(64, 64));
        var slash = new Invoker { ChannelId = channel.Id.ToString() };
        host.Discord.RegisterInteraction(ulong.Parse(slash.InteractionId), slash.Token, channel.Id);
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.SlashCommand("edit", slash,
            EditBot.TestSupport.Discord.Inject.CommandOption.File("image", Spec(image, 64, 64)),
            EditBot.TestSupport.Discord.Inject.CommandOption.Text("prompt", "make it blue")));
        var job = await host.WaitForJobAsync(j => j.IsTerminal);
        var thread = host.Discord.MessagesIn(channel.Id).Select(m => m.ThreadId).First(t => t is not null)!.Value;
        await Eventually.WaitUntilAsync(() => host.Discord.MessagesIn(thread).Count > 0, "the result");
        var result = host.Discord.MessagesIn(thread)[0];
        var deleteId = $"eb:delete:{job.Id:N}";

        var stranger = new Invoker { ChannelId = thread.ToString(), ChannelType = 11, User = DiscordUserSpec.OtherUser, MemberPermissions = "3072" };
        host.Discord.RegisterInteraction(ulong.Parse(stranger.InteractionId), stranger.Token, thread, result.Id);
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.ButtonClick(deleteId, host.Discord.ToMessageJson(result), stranger));
        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Path.Contains("/interactions/" + stranger.InteractionId + "/", StringComparison.Ordinal)), "the refusal");
        var refusal = host.Discord.Requests.Single(r => r.Path.Contains("/interactions/" + stranger.InteractionId + "/", StringComparison.Ordinal));
        Assert.Contains("\"flags\":64", refusal.Body);
        Assert.False(host.Discord.GetMessage(result.Id)!.Deleted);

        var requester = new Invoker { ChannelId = thread.ToString(), ChannelType = 11 };
        host.Discord.RegisterInteraction(ulong.Parse(requester.InteractionId), requester.Token, thread, result.Id);
        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.ButtonClick(deleteId, host.Discord.ToMessageJson(result), requester));
        await Eventually.WaitUntilAsync(() => host.Discord.GetMessage(result.Id)?.Deleted != false, "the deletion");
    }

    [Fact]
    public async Task With_several_images_a_select_chooses_one_before_the_modal()
    {
        await using var host = await ExperienceHost.StartAsync();
        var channel = host.Discord.AddChannel(type: 0);
        var first = host.Discord.AddAttachment("a.png", TestImages.Png(64, 64));
        var second = host.Discord.AddAttachment("b.png", TestImages.Png(64, 64));
        var target = host.Discord.AddMessage(channel.Id, "two", attachments: [first, second]);
        var command = new Invoker { ChannelId = channel.Id.ToString() };

        await host.SendAsync("INTERACTION_CREATE", InteractionPayloads.MessageCommand("Edit image", host.Discord.ToMessageJson(target, fullContent: true), command));

        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Path.Contains("/interactions/" + command.InteractionId + "/", StringComparison.Ordinal)), "the select");
        var select = JsonNode.Parse(host.Discord.Requests.Single(r => r.Path.Contains("/interactions/" + command.InteractionId + "/", StringComparison.Ordinal)).Body!)!;
        Assert.Equal(64, (int)select["data"]!["flags"]!);
        var menu = select["data"]!["components"]![0]!["components"]![0]!;
        Assert.Equal($"eb:pick:{command.InteractionId}", (string)menu["custom_id"]!);
        Assert.Equal(2, menu["options"]!.AsArray().Count);

        var pick = new Invoker { ChannelId = channel.Id.ToString() };
        var click = InteractionPayloads.ButtonClick((string)menu["custom_id"]!, MessagePayloads.Message("which?", channelId: channel.Id.ToString()), pick);
        click["data"]!["component_type"] = 3;
        click["data"]!["values"] = new JsonArray("1");
        await host.SendAsync("INTERACTION_CREATE", click);

        await Eventually.WaitUntilAsync(() => host.Discord.Requests.Any(r => r.Path.Contains("/interactions/" + pick.InteractionId + "/", StringComparison.Ordinal)), "the modal");
        var modal = JsonNode.Parse(host.Discord.Requests.Single(r => r.Path.Contains("/interactions/" + pick.InteractionId + "/", StringComparison.Ordinal)).Body!)!;
        Assert.Equal(9, (int)modal["type"]!);
        Assert.Equal($"eb:target:{command.InteractionId}:1", (string)modal["data"]!["custom_id"]!);
    }
}
