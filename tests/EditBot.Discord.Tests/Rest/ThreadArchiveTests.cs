using EditBot.Discord.Models;
using EditBot.Discord.Rest;
using EditBot.Discord.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Rest;

/// <summary>Threads archive themselves after their auto_archive_duration of silence; a post reopens one unless it is locked.</summary>
public sealed class ThreadArchiveTests
{
    [Fact]
    public async Task A_thread_silent_for_its_auto_archive_duration_is_archived_and_a_post_reopens_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var h = await DiscordRestHarness.StartAsync(discordClock: clock);
        var channel = h.Fake.AddChannel();
        var anchor = await h.Rest.CreateMessageAsync(channel.Id, new MessageBody { Content = "working on it" }, cancellationToken: Cancel.After());
        var thread = await h.Rest.StartThreadFromMessageAsync(channel.Id, anchor.Id, "edit", 60, Cancel.After());

        clock.Advance(TimeSpan.FromMinutes(59));
        await h.Rest.GetChannelAsync(thread.Id, Cancel.After());
        var openAfter59 = h.Fake.GetChannel(thread.Id)!.Archived;
        clock.Advance(TimeSpan.FromMinutes(1));
        await h.Rest.GetChannelAsync(thread.Id, Cancel.After());
        var archivedAfter60 = h.Fake.GetChannel(thread.Id)!.Archived;
        await h.Rest.CreateMessageAsync(thread.Id, new MessageBody { Content = "results" }, cancellationToken: Cancel.After());

        Assert.False(openAfter59);
        Assert.True(archivedAfter60); // old fake: threads never archived
        Assert.False(h.Fake.GetChannel(thread.Id)!.Archived);
        Assert.Equal(60, h.Fake.GetChannel(thread.Id)!.AutoArchiveMinutes); // the duration the request asked for
        Assert.Single(h.Fake.MessagesIn(thread.Id));
    }

    [Fact]
    public async Task An_archived_and_locked_thread_refuses_a_post_with_160005_and_stays_archived()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var thread = h.Fake.AddChannel(type: 11, parentId: h.Fake.AddChannel().Id);
        h.Fake.ArchiveThread(thread.Id, locked: true);

        var refused = await Assert.ThrowsAsync<DiscordApiException>(() =>
            h.Rest.CreateMessageAsync(thread.Id, new MessageBody { Content = "results" }, cancellationToken: Cancel.After()));

        Assert.Equal(160005, refused.Code);
        Assert.True(thread.Archived);
        Assert.Empty(h.Fake.MessagesIn(thread.Id));
    }
}
