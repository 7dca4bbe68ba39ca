using System.Text;
using EditBot.Discord.Events;
using EditBot.Discord.Interactions;
using EditBot.Discord.Models;

namespace EditBot.Discord.Tests.Interactions;

public sealed class InteractionParserTests
{
    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void A_slash_command_with_attachment_options_reads_its_options_through_resolved()
    {
        var interaction = InteractionParser.Parse(new DiscordEvent("INTERACTION_CREATE", Bytes("""
        {"id":"1001","application_id":"2002","type":2,"token":"tok","version":1,"guild_id":"3003","channel_id":"4004",
         "channel":{"id":"4004","type":11,"parent_id":"4000","guild_id":"3003"},
         "app_permissions":"2251799813685247","attachment_size_limit":26214400,"locale":"en-US",
         "member":{"user":{"id":"5005","username":"ana"},"roles":["6006"],"permissions":"32","joined_at":"2024-01-01T00:00:00Z"},
         "data":{"id":"7007","name":"edit","type":1,
           "options":[{"name":"image","type":1,"options":[
             {"name":"image","type":11,"value":"8008"},{"name":"prompt","type":3,"value":"make the sky pink"},
             {"name":"count","type":4,"value":2},{"name":"transparent","type":5,"value":true}]}],
           "resolved":{"attachments":{"8008":{"id":"8008","filename":"cat.png","size":1234,"url":"https://cdn.discordapp.com/attachments/1/8008/cat.png?ex=1&is=2&hm=3",
             "proxy_url":"https://media.discordapp.net/attachments/1/8008/cat.png","content_type":"image/png","width":640,"height":480}}}}}
        """), 0));

        var data = interaction.Data!;
        Assert.Equal((InteractionType.ApplicationCommand, "edit", "image"), (interaction.Type, data.Name, data.SubcommandPath()));
        Assert.Equal("make the sky pink", data.GetString("prompt"));
        Assert.Equal(2, data.GetInteger("count"));
        Assert.True(data.GetBoolean("transparent"));
        Assert.Null(data.GetString("mask"));
        var image = data.GetAttachment("image")!;
        Assert.Equal(("cat.png", 640, 480, 1234L, true), (image.Filename, image.Width, image.Height, image.Size, image.IsImage));
        Assert.Equal(2251799813685247UL, interaction.AppPermissions);
        Assert.Equal(26214400, interaction.AttachmentSizeLimit);
        Assert.True(interaction.Channel!.IsThread);
        Assert.Equal(5005UL, interaction.Invoker!.Id);
        Assert.Equal(32UL, interaction.Member!.Permissions);
        Assert.Equal("tok", interaction.Token);
    }

    [Fact]
    public void A_message_command_exposes_its_target_message()
    {
        var interaction = InteractionParser.Parse(Bytes("""
        {"id":"1","application_id":"2","type":2,"token":"t","version":1,"channel_id":"9","user":{"id":"77","username":"dm-user"},
         "data":{"id":"3","name":"Edit image","type":3,"target_id":"555",
           "resolved":{"messages":{"555":{"id":"555","channel_id":"9","content":"","author":{"id":"8","username":"x"},
             "attachments":[{"id":"600","filename":"p.jpg","size":10,"url":"https://cdn.discordapp.com/a/p.jpg","proxy_url":"https://media.discordapp.net/a/p.jpg","content_type":"image/jpeg","width":3,"height":2}]}}}}}
        """));

        var target = interaction.Data!.TargetMessage()!;
        Assert.Equal(ApplicationCommandType.Message, interaction.Data!.Type);
        Assert.Equal(555UL, target.Id);
        Assert.Equal("p.jpg", Assert.Single(target.Attachments!).Filename);
        Assert.Equal(77UL, interaction.Invoker!.Id);
    }

    [Fact]
    public void A_button_press_gives_its_custom_id_and_message()
    {
        var interaction = InteractionParser.Parse(Bytes("""
        {"id":"1","application_id":"2","type":3,"token":"t","version":1,"channel_id":"9","member":{"user":{"id":"4"},"roles":[],"permissions":"0"},
         "message":{"id":"50","channel_id":"9","content":"done","components":[{"type":1,"components":[{"type":2,"style":1,"custom_id":"reroll:job-1","label":"Re-roll"}]}]},
         "data":{"custom_id":"reroll:job-1","component_type":2}}
        """));

        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal("reroll:job-1", interaction.Data!.CustomId);
        Assert.Equal(ComponentType.Button, interaction.Data.ComponentType);
        Assert.Equal(50UL, interaction.Message!.Id);
    }

    [Fact]
    public void A_modal_submit_gives_text_values_and_uploaded_attachments()
    {
        var interaction = InteractionParser.Parse(Bytes("""
        {"id":"1","application_id":"2","type":5,"token":"t","version":1,"channel_id":"9","user":{"id":"4"},
         "data":{"custom_id":"edit-modal:555","components":[
           {"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"prompt","value":"add a hat"}},
           {"type":18,"id":3,"component":{"type":19,"id":4,"custom_id":"mask","values":["901","902"]}},
           {"type":1,"components":[{"type":4,"custom_id":"legacy","value":"row value"}]}],
          "resolved":{"attachments":{
            "901":{"id":"901","filename":"mask.png","size":5,"url":"https://cdn.discordapp.com/ephemeral-attachments/1/901/mask.png","proxy_url":"https://media.discordapp.net/x","content_type":"image/png","width":8,"height":8,"ephemeral":true},
            "902":{"id":"902","filename":"b.png","size":6,"url":"https://cdn.discordapp.com/ephemeral-attachments/1/902/b.png","proxy_url":"https://media.discordapp.net/y"}}}}}
        """));

        var data = interaction.Data!;
        Assert.Equal("edit-modal:555", data.CustomId);
        Assert.Equal("add a hat", data.GetModalValue("prompt"));
        Assert.Equal("row value", data.GetModalValue("legacy"));
        Assert.Null(data.GetModalValue("absent"));
        Assert.Equal([901UL, 902UL], data.GetModalAttachmentIds("mask"));
        Assert.Equal(["mask.png", "b.png"], data.GetModalAttachments("mask").Select(a => a.Filename));
        Assert.True(data.GetModalAttachments("mask")[0].Ephemeral);
    }

    [Fact]
    public void Garbage_is_rejected_with_a_json_exception()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => InteractionParser.Parse(Bytes("[1,2]")));
    }
}
