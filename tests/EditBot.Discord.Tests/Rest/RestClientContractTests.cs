using System.Text.Json.Nodes;
using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Discord.Tests.Support;

namespace EditBot.Discord.Tests.Rest;

public sealed class RestClientContractTests : IAsyncLifetime
{
    private DiscordRestHarness _h = null!;

    public async Task InitializeAsync() => _h = await DiscordRestHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Current_application_and_gateway_come_from_the_server()
    {
        _h.Fake.GatewayUrl = new Uri("ws://127.0.0.1:4567");
        _h.Fake.GatewayShards = 3;
        _h.Fake.SessionStartRemaining = 17;
        _h.Fake.MaxConcurrency = 2;

        var application = await _h.Rest.GetCurrentApplicationAsync(Cancel.After());
        var gateway = await _h.Rest.GetGatewayBotAsync(Cancel.After());

        Assert.Equal(_h.Fake.ApplicationId, application.Id);
        Assert.Equal(_h.Fake.ApplicationId, await _h.Rest.GetApplicationIdAsync(Cancel.After()));
        Assert.Equal(new Uri("ws://127.0.0.1:4567"), gateway.Url);
        Assert.Equal(3, gateway.Shards);
        Assert.Equal(17, gateway.SessionStartRemaining);
        Assert.Equal(2, gateway.MaxConcurrency);
        Assert.InRange(gateway.SessionStartResetAfter, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24)); // counts down on the fake's clock
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task Requests_carry_the_bot_token_and_the_discord_user_agent()
    {
        await _h.Rest.GetCurrentApplicationAsync(Cancel.After());

        var request = Assert.Single(_h.Fake.Requests);
        Assert.Equal(200, request.Status); // the fake answers 401 to any other Authorization
        Assert.Equal("Bot [redacted]", request.Headers["Authorization"]);
        Assert.Matches(@"^DiscordBot \(https://github\.com/editbot/editbot, [0-9][^)]*\)$", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task A_message_always_carries_allowed_mentions_and_keeps_its_components_and_reply()
    {
        var channel = _h.Fake.AddChannel();
        var original = _h.Fake.AddMessage(channel.Id, "look at this");

        var sent = await _h.Rest.CreateMessageAsync(channel.Id, new MessageBody
        {
            Content = "Edited! <@123>",
            MessageReference = new MessageReference { MessageId = original.Id, FailIfNotExists = false },
            Components = [ComponentBuilder.ActionRow(ComponentBuilder.Button("reroll:42", "Re-roll"), ComponentBuilder.Button("delete:42", "Delete", ButtonStyle.Danger))],
            Embeds = [new Embed { Title = "Result", Footer = new EmbedFooter { Text = "gpt-image-2-edit" } }],
        }, cancellationToken: Cancel.After());

        var body = JsonNode.Parse(_h.Fake.Requests[^1].Body!)!;
        Assert.Equal("[]", body["allowed_mentions"]!["parse"]!.ToJsonString());
        Assert.Equal(original.Id, sent.MessageReference?.MessageId);
        Assert.Equal("reroll:42", sent.Components![0].Components![0].CustomId);
        Assert.Equal("Edited! <@123>", _h.Fake.GetMessage(sent.Id)!.Content);
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task Files_arrive_intact_as_multipart_and_are_served_back()
    {
        var channel = _h.Fake.AddChannel();
        var png = TestImages.Png(64, 32);
        var blob = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        var sent = await _h.Rest.CreateMessageAsync(
            channel.Id,
            new MessageBody { Content = "two files" },
            [new DiscordFile("result 1.png", png, "image/png", "edited image"), new DiscordFile("data.bin", blob)],
            Cancel.After());

        var request = _h.Fake.Requests[^1];
        Assert.StartsWith("multipart/form-data", request.ContentType);
        Assert.Equal(["files[0]", "files[1]"], request.Files.Select(f => f.PartName));
        Assert.Equal(png, request.Files[0].Bytes);
        Assert.Equal("image/png", request.Files[0].ContentType);
        Assert.Equal(blob, request.Files[1].Bytes);
        var payload = JsonNode.Parse(request.Body!)!;
        Assert.Equal(["0", "1"], payload["attachments"]!.AsArray().Select(a => a!["id"]!.ToString()));

        Assert.Equal(2, sent.Attachments!.Count);
        var image = sent.Attachments[0];
        Assert.Equal(("result 1.png", 64, 32, (long)png.Length), (image.Filename, image.Width, image.Height, image.Size));
        Assert.True(image.IsImage);
        using var http = new HttpClient();
        Assert.Equal(png, await http.GetByteArrayAsync(image.Url));
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task Editing_with_new_files_keeps_the_listed_attachments()
    {
        var channel = _h.Fake.AddChannel();
        var first = await _h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "v1" }, [new DiscordFile("a.png", TestImages.Png(8, 8), "image/png")], Cancel.After());

        var edited = await _h.Rest.EditMessageAsync(
            channel.Id, first.Id,
            new MessageBody { Content = "v2", Attachments = [new AttachmentReference { Id = first.Attachments![0].Id }] },
            [new DiscordFile("b.png", TestImages.Png(4, 4), "image/png")], Cancel.After());

        Assert.Equal("v2", edited.Content);
        Assert.Equal(["a.png", "b.png"], edited.Attachments!.Select(a => a.Filename));
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task Messages_can_be_fetched_and_deleted()
    {
        var channel = _h.Fake.AddChannel();
        var image = _h.Fake.AddAttachment("cat.png", TestImages.Png(10, 20));
        var message = _h.Fake.AddMessage(channel.Id, "a cat", attachments: [image]);
        // This reads a message's attachments, which Discord shows another user's message only with MESSAGE_CONTENT.
        _h.Fake.MessageContentIntent = true;

        var fetched = await _h.Rest.GetMessageAsync(channel.Id, message.Id, Cancel.After());
        await _h.Rest.DeleteMessageAsync(channel.Id, message.Id, Cancel.After());

        Assert.Equal(image.Url, fetched.Attachments![0].Url);
        Assert.Equal(20, fetched.Attachments[0].Height);
        var gone = await Assert.ThrowsAsync<DiscordApiException>(() => _h.Rest.GetMessageAsync(channel.Id, message.Id, Cancel.After()));
        Assert.Equal(DiscordErrorCodes.UnknownMessage, gone.Code);
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task Without_the_message_content_intent_fetched_messages_come_back_empty()
    {
        var channel = _h.Fake.AddChannel();
        var message = _h.Fake.AddMessage(channel.Id, "secret", attachments: [_h.Fake.AddAttachment("x.png", TestImages.Png(2, 2))]);
        _h.Fake.SimulateMissingMessageContentIntent = true;

        var fetched = await _h.Rest.GetMessageAsync(channel.Id, message.Id, Cancel.After());

        Assert.Equal("", fetched.Content);
        Assert.Empty(fetched.Attachments!);
    }

    [Fact]
    public async Task Channels_dms_and_threads_are_created_as_discord_does()
    {
        var text = _h.Fake.AddChannel(type: 0);
        var forum = _h.Fake.AddChannel(type: 15);
        var message = _h.Fake.AddMessage(text.Id, "edit me");

        var fetched = await _h.Rest.GetChannelAsync(text.Id, Cancel.After());
        var dm = await _h.Rest.CreateDmChannelAsync(987654321, Cancel.After());
        var thread = await _h.Rest.StartThreadFromMessageAsync(text.Id, message.Id, new string('x', 150), 1440, Cancel.After());
        var post = await _h.Rest.StartForumThreadAsync(
            forum.Id, "Edit: sky", new MessageBody { Content = "results" }, [new DiscordFile("r.png", TestImages.Png(4, 4), "image/png")], Cancel.After());
        var inThread = await _h.Rest.CreateMessageAsync(thread.Id, new MessageBody { Content = "in the thread" }, cancellationToken: Cancel.After());

        Assert.Equal((text.Id, ChannelType.GuildText), (fetched.Id, fetched.Type));
        Assert.Equal(ChannelType.DirectMessage, dm.Type);
        Assert.Equal(message.Id, thread.Id);
        Assert.True(thread.IsThread);
        Assert.Equal(100, _h.Fake.GetChannel(thread.Id)!.Name.Length);
        Assert.Equal(forum.Id, post.ParentId);
        Assert.Single(_h.Fake.GetMessage(post.Id)!.Attachments);
        Assert.Equal(thread.Id, inThread.ChannelId);
        _h.Fake.AssertNoContractViolations();
    }

    [Fact]
    public async Task Commands_are_listed_and_overwritten_globally_and_per_guild()
    {
        var commands = new[] { SampleCommands.Edit(), SampleCommands.EditImageMenu() };

        var global = await _h.Rest.OverwriteCommandsAsync(null, commands, Cancel.After());
        var guild = await _h.Rest.OverwriteCommandsAsync(555, [SampleCommands.Admin()], Cancel.After());

        Assert.Equal(2, global.Count);
        Assert.All(global, c => Assert.NotNull(c.Id));
        Assert.Equal(2, (await _h.Rest.GetCommandsAsync(null, Cancel.After())).Count);
        Assert.Equal("editbot-admin", Assert.Single(await _h.Rest.GetCommandsAsync(555, Cancel.After())).Name);
        Assert.Equal((ulong)555, guild[0].GuildId);
        _h.Fake.AssertNoContractViolations();
    }
}
