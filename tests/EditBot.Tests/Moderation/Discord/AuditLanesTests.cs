using EditBot.Moderation;
using EditBot.Moderation.Discord;
using EditBot.Tests.Moderation.Discord.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord;

namespace EditBot.Tests.Moderation.Discord;

/// <summary>Each server's audit channel is posted to in its own lane: one slow or rate-limited channel holds up only its own server.</summary>
public sealed class AuditLanesTests : IAsyncLifetime
{
    private const ulong OtherGuild = 1200000000000000002;
    private ModerationDiscordHarness h = null!;

    public async Task InitializeAsync() => h = await ModerationDiscordHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_rate_limited_audit_channel_does_not_hold_up_another_servers_audit_posts()
    {
        var slow = h.Discord.AddChannel(guildId: ModerationDiscordHarness.Guild);
        var other = h.Discord.AddChannel(guildId: OtherGuild);
        await h.ConfigureAsync(s => s with { AuditChannelId = slow.Id });
        Assert.True((await h.Settings.UpdateAsync(OtherGuild, s => s with { AuditChannelId = other.Id }, CancellationToken.None)).Saved);
        h.Discord.ForceRateLimit(FakeRateLimitScope.User, TimeSpan.FromMinutes(1), "POST /channels/{channel_id}/messages", channelId: slow.Id);
        var log = h.Get<AuditLog>();

        Assert.True(log.Enqueue(ModerationDiscordHarness.Guild, Entry("in the slow server")));
        Assert.True(log.Enqueue(OtherGuild, Entry("in the other server")));
        await h.WaitForAuditPostsAsync(other.Id, 1);

        Assert.Empty(h.Discord.MessagesIn(slow.Id)); // still waiting out its rate limit (on the test's clock)
    }

    [Fact]
    public async Task A_servers_entries_are_posted_in_the_order_they_were_audited()
    {
        var channel = h.Discord.AddChannel(guildId: ModerationDiscordHarness.Guild);
        await h.ConfigureAsync(s => s with { AuditChannelId = channel.Id });
        var log = h.Get<AuditLog>();
        string[] prompts = ["one", "two", "three", "four", "five"];

        foreach (var prompt in prompts)
        {
            Assert.True(log.Enqueue(ModerationDiscordHarness.Guild, Entry(prompt)));
        }

        await h.WhenAuditSettledAsync();
        Assert.Equal(prompts, h.Discord.MessagesIn(channel.Id).Select(m => m.Content[(m.Content.IndexOf('“', StringComparison.Ordinal) + 1)..^1]));
    }

    [Fact]
    public async Task Entries_beyond_the_capacity_are_dropped_while_a_channel_is_stuck_so_memory_stays_bounded()
    {
        var slow = h.Discord.AddChannel(guildId: ModerationDiscordHarness.Guild);
        await h.ConfigureAsync(s => s with { AuditChannelId = slow.Id });
        h.Discord.ForceRateLimit(FakeRateLimitScope.User, TimeSpan.FromMinutes(1), "POST /channels/{channel_id}/messages", channelId: slow.Id);
        var log = h.Get<AuditLog>();

        var accepted = Enumerable.Range(0, AuditLog.Capacity).Count(i => log.Enqueue(ModerationDiscordHarness.Guild, Entry($"entry {i}")));

        Assert.Equal(AuditLog.Capacity, accepted);
        Assert.False(log.Enqueue(ModerationDiscordHarness.Guild, Entry("one too many")));
        Assert.Equal(AuditLog.Capacity, log.Outstanding);
    }

    private AuditEntry Entry(string prompt) =>
        new(AuditEventKind.Requested, Guid.NewGuid(), ModerationDiscordHarness.Requester, 1210000000000000001, prompt, null, h.Time.GetUtcNow());
}
