using System.Text;
using System.Text.Json.Nodes;
using EditBot.TestSupport.Discord.Inject;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>The test-support payload builders give Discord's wire shape, and travel through the gateway byte for byte.</summary>
public sealed class InjectedEventTests
{
    [Fact]
    public void Slash_command_lists_attachment_options_in_resolved_and_nests_subcommands()
    {
        var image = new AttachmentSpec("http://127.0.0.1:1/cat.png", Width: 640, Height: 480);

        var interaction = InteractionPayloads.SlashCommand(
            "edit",
            CommandOption.Subcommand("image", CommandOption.File("image", image), CommandOption.Text("prompt", "a hat"), CommandOption.Number("count", 2), CommandOption.Boolean("hd", true)));

        Assert.Equal(2, (int)interaction["type"]!);
        var sub = interaction["data"]!["options"]![0]!;
        Assert.Equal(1, (int)sub["type"]!);
        Assert.Equal(image.Id, (string)sub["options"]![0]!["value"]!);
        Assert.Equal(11, (int)sub["options"]![0]!["type"]!);
        var resolved = interaction["data"]!["resolved"]!["attachments"]![image.Id]!;
        Assert.Equal("http://127.0.0.1:1/cat.png", (string)resolved["url"]!);
        Assert.Equal(640, (int)resolved["width"]!);
        Assert.Equal("image/png", (string)resolved["content_type"]!);
        Assert.Equal(InteractionOrigin.DefaultAppPermissions, (string)interaction["app_permissions"]!);
        Assert.NotNull(interaction["member"]!["permissions"]);
        Assert.Equal(10 * 1024 * 1024, (long)interaction["attachment_size_limit"]!);
    }

    [Fact]
    public void Message_command_modal_submit_and_dm_have_their_wire_shapes()
    {
        var target = MessagePayloads.Message("look", [new AttachmentSpec("http://127.0.0.1:1/a.png")]);
        var command = InteractionPayloads.MessageCommand("Edit image", target);
        var mask = new AttachmentSpec("http://127.0.0.1:1/mask.png");
        var modal = InteractionPayloads.ModalSubmit("edit-modal", [ModalField.TextInput("prompt", "sky"), ModalField.FileUpload("mask", mask)]);
        var dm = InteractionPayloads.ButtonClick("job:1:delete", target, InteractionOrigin.DirectMessage);

        Assert.Equal(3, (int)command["data"]!["type"]!);
        Assert.Equal((string)target["id"]!, (string)command["data"]!["target_id"]!);
        Assert.NotNull(command["data"]!["resolved"]!["messages"]![(string)target["id"]!]!["attachments"]![0]);
        Assert.Equal(18, (int)modal["data"]!["components"]![1]!["type"]!);
        Assert.Equal(mask.Id, (string)modal["data"]!["components"]![1]!["component"]!["values"]![0]!);
        Assert.True((bool)modal["data"]!["resolved"]!["attachments"]![mask.Id]!["ephemeral"]!);
        Assert.Null(dm["member"]);
        Assert.NotNull(dm["user"]);
        Assert.Equal(2, (int)dm["data"]!["component_type"]!);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Mention_reply_names_the_bot_and_carries_the_referenced_message(bool attachmentsVisible)
    {
        var image = MessagePayloads.Message("", [new AttachmentSpec("http://127.0.0.1:1/a.png")]);

        var reply = MessagePayloads.MentionReplyToImage("darker sky", image, attachmentsVisible, botId: "42");

        Assert.Equal("<@42> darker sky", (string)reply["content"]!);
        Assert.Equal("42", (string)reply["mentions"]![0]!["id"]!);
        Assert.Equal((string)image["id"]!, (string)reply["message_reference"]!["message_id"]!);
        Assert.Equal(attachmentsVisible ? 1 : 0, reply["referenced_message"]!["attachments"]!.AsArray().Count);
    }

    [Fact]
    public async Task Injected_interaction_reaches_the_event_channel_unchanged()
    {
        await using var h = (await GatewayHarness.CreateAsync()).Start();
        await h.Gateway.WaitForLiveSessionsAsync();
        var interaction = InteractionPayloads.SlashCommand("edit", CommandOption.Text("prompt", "ünïcode ✓"));

        await h.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);

        await h.WaitForEventsAsync(e => e.Any(x => x.Type == "INTERACTION_CREATE"), "the interaction");
        var received = h.Events.Single(e => e.Type == "INTERACTION_CREATE");
        Assert.True(JsonNode.DeepEquals(interaction, JsonNode.Parse(Encoding.UTF8.GetString(received.Data.Span))));
    }
}
