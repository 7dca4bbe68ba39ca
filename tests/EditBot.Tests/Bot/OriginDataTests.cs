using System.Text.Json.Nodes;
using EditBot.Bot.Origin;
using EditBot.Core.Jobs;

namespace EditBot.Tests.Bot;

public class OriginDataTests
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

        var jobOrigin = OriginData.ToJobOrigin(origin);
        Assert.True(OriginData.TryRead(JobWith(jobOrigin), out var back));

        Assert.Equal(origin with { IntakeNotes = [] }, back with { IntakeNotes = [] });
        Assert.Equal(["reduced"], back.IntakeNotes);
        Assert.Equal("discord", jobOrigin.Kind);
        Assert.Equal("discord:11", jobOrigin.RequesterKey);
        Assert.Equal("guild:22", jobOrigin.ScopeKey);
    }

    [Fact]
    public void Policy_properties_are_kept_beside_the_discord_origin()
    {
        var extra = new JsonObject { ["moderation"] = new JsonObject { ["guildId"] = 22 } };
        var data = OriginData.Write(new DiscordOrigin { UserId = 1, ChannelId = 2 }, extra);

        var parsed = JsonNode.Parse(data)!.AsObject();
        Assert.Equal(22, parsed["moderation"]!["guildId"]!.GetValue<int>());
        Assert.True(OriginData.TryRead(JobWith(new JobOrigin("discord", "discord:1", null, data)), out var back));
        Assert.Equal(2UL, back.ChannelId);
    }

    [Fact]
    public void A_dm_job_has_no_scope()
    {
        var origin = OriginData.ToJobOrigin(new DiscordOrigin { UserId = 5, ChannelId = 6 });
        Assert.Null(origin.ScopeKey);
    }

    [Theory]
    [InlineData("cli", "{\"discord\":{\"userId\":1}}")]
    [InlineData("discord", "not json")]
    [InlineData("discord", "{\"other\":1}")]
    public void Other_or_unreadable_origins_are_not_read_as_discord(string kind, string data) =>
        Assert.False(OriginData.TryRead(JobWith(new JobOrigin(kind, "x", null, data)), out _));
}
