using System.Text.Json;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Origin;

namespace EditBot.Tests.Origins;

public class JobOriginsTests
{
    private static Job JobWith(JobOrigin origin) => new()
    {
        Id = Guid.NewGuid(),
        State = JobState.Queued,
        Request = new EditRequest("p", "blob", null, "1024x1024", "auto", 1),
        Origin = origin,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Every_field_survives_the_round_trip_through_the_job()
    {
        var origin = new DiscordOrigin
        {
            Entry = EntryKind.MessageCommand,
            UserId = 11,
            GuildId = 22,
            ChannelId = 33,
            ChannelType = 11,
            ParentChannelId = 44,
            ApplicationId = 55,
            InteractionId = 66,
            InteractionToken = "secret-token",
            TokenIssuedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ProgressMessageId = 77,
            ProgressIsOriginalResponse = true,
            ThreadAnchorMessageId = 88,
            Private = true,
            AttachmentSizeLimit = 26214400,
            AppPermissions = 309237763072,
            ResultsAsSpoilers = true,
            IntakeNotes = ["reduced"],
        };

        var jobOrigin = JobOrigins.ForDiscord(origin);
        Assert.True(JobOrigins.TryReadDiscord(JobWith(jobOrigin), out var back));

        Assert.Equal(origin with { IntakeNotes = [] }, back with { IntakeNotes = [] });
        Assert.Equal(["reduced"], back.IntakeNotes);
        Assert.Equal("discord", jobOrigin.Kind);
        Assert.Equal("discord:11", jobOrigin.RequesterKey);
        Assert.Equal("guild:22", jobOrigin.ScopeKey);
    }

    [Fact]
    public void Policy_properties_are_kept_beside_the_discord_origin()
    {
        var moderation = new ModerationContext(22, 2, null, 1, [], MemberPermissions.None);
        var data = JobOrigins.ForDiscord(new DiscordOrigin { UserId = 1, ChannelId = 2 }, moderation).Data;

        var parsed = JsonNode.Parse(data)!.AsObject();
        Assert.Equal(22, parsed["moderation"]!["guildId"]!.GetValue<int>());
        Assert.True(JobOrigins.TryReadDiscord(JobWith(new JobOrigin("discord", "discord:1", null, data)), out var back));
        Assert.Equal(2UL, back.ChannelId);
    }

    [Fact]
    public void A_dm_job_has_no_scope()
    {
        var origin = JobOrigins.ForDiscord(new DiscordOrigin { UserId = 5, ChannelId = 6 });
        Assert.Null(origin.ScopeKey);
    }

    [Theory]
    [InlineData("cli", "{\"discord\":{\"userId\":1}}")]
    [InlineData("discord", "not json")]
    [InlineData("discord", "{\"other\":1}")]
    public void Other_or_unreadable_origins_are_not_read_as_discord(string kind, string data) =>
        Assert.False(JobOrigins.TryReadDiscord(JobWith(new JobOrigin(kind, "x", null, data)), out _));

    // Issue 11: the origin data became one typed document with a generated serializer. Jobs stored by the code
    // before it (a JsonObject per writer) must read the same after an upgrade.
    [Fact]
    public void Origin_data_stored_before_the_typed_document_reads_the_same()
    {
        const string stored = """
            {"moderation":{"guildId":22,"channelId":33,"parentChannelId":44,"userId":11,"roleIds":[5,6],"permissions":2,"directMessage":false},
             "discord":{"entry":1,"userId":11,"guildId":22,"channelId":33,"channelType":11,"parentChannelId":44,"channelUnknown":false,
             "applicationId":55,"interactionId":66,"interactionToken":"secret-token","tokenIssuedAt":"2026-01-02T03:04:05+00:00",
             "progressMessageId":77,"progressIsOriginalResponse":true,"threadAnchorMessageId":88,"private":true,
             "attachmentSizeLimit":26214400,"appPermissions":309237763072,"resultsAsSpoilers":true,"intakeNotes":["reduced"],"isDirectMessage":false}}
            """;

        var document = JobOrigins.Read(new JobOrigin("discord", "discord:11", "guild:22", stored));

        Assert.Equal(EntryKind.MessageCommand, document.Discord?.Entry);
        Assert.Equal(("secret-token", 88UL, 309237763072UL), (document.Discord?.InteractionToken, document.Discord?.ThreadAnchorMessageId, document.Discord?.AppPermissions));
        Assert.Equal(["reduced"], document.Discord?.IntakeNotes);
        Assert.Equal(new ModerationContext(22, 33, 44, 11, document.Moderation!.RoleIds, (MemberPermissions)2), document.Moderation);
        Assert.Equal([5UL, 6UL], document.Moderation.RoleIds);
    }

    [Fact]
    public void The_documents_json_names_are_the_stored_ones()
    {
        var data = JobOrigins.ForDiscord(new DiscordOrigin { UserId = 1, ChannelId = 2 }, new ModerationContext(3, 2, null, 1, [], MemberPermissions.None)).Data;
        var cli = JobOrigins.ForCli("/tmp/out").Data;

        Assert.Equal(["discord", "moderation"], JsonNode.Parse(data)!.AsObject().Where(p => p.Value is not null).Select(p => p.Key).Order());
        Assert.Equal(2UL, JsonNode.Parse(data)!["discord"]!["channelId"]!.GetValue<ulong>());
        Assert.Equal(3UL, JsonNode.Parse(data)!["moderation"]!["guildId"]!.GetValue<ulong>());
        Assert.Equal(Path.GetFullPath("/tmp/out"), JsonNode.Parse(cli)!["out"]!.GetValue<string>());
    }

    [Fact]
    public void A_command_line_origin_names_its_folder_and_an_origin_without_one_says_so()
    {
        var origin = JobOrigins.ForCli("results");

        Assert.Equal("cli", origin.Kind);
        Assert.Null(origin.ScopeKey);
        Assert.Equal(Path.GetFullPath("results"), JobOrigins.OutputDirectory(origin));
        Assert.Throws<JsonException>(() => JobOrigins.OutputDirectory(new JobOrigin("cli", "cli:me", null, "{}")));
        Assert.Throws<JsonException>(() => JobOrigins.OutputDirectory(new JobOrigin("cli", "cli:me", null, "not json")));
    }
}
