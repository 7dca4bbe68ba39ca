using EditBot.Moderation;
using EditBot.Tests.Moderation.Support;

namespace EditBot.Tests.Moderation;

public sealed class GuildSettingsStoreTests
{
    private readonly ModerationHarness harness = new();
    private GuildSettingsStore Store => harness.Settings;

    [Fact]
    public async Task A_server_without_settings_gets_the_defaults()
    {
        Assert.Equal(GuildSettings.Default, await Store.GetAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task A_change_is_written_through_and_takes_effect_at_once()
    {
        await Store.GetAsync(TestJobs.Guild, CancellationToken.None);

        var update = await Store.UpdateAsync(TestJobs.Guild, s => s with { MaxCount = 2 }, CancellationToken.None);

        Assert.True(update.Saved);
        Assert.Equal(2, (await Store.GetAsync(TestJobs.Guild, CancellationToken.None)).MaxCount);
        var json = await harness.KeyValues.GetAsync("guild:100", "settings", CancellationToken.None);
        Assert.Contains("\"schemaVersion\":1", json);
        Assert.Contains("\"maxCount\":2", json);
    }

    [Fact]
    public async Task Reads_are_cached_and_another_instances_change_is_seen_after_the_cache_time()
    {
        await Store.GetAsync(TestJobs.Guild, CancellationToken.None);
        var other = new GuildSettingsStore(harness.KeyValues, harness.Time, harness.Options);
        await other.UpdateAsync(TestJobs.Guild, s => s with { MaxCount = 3 }, CancellationToken.None);
        var readsBefore = harness.KeyValues.Reads;

        Assert.Null((await Store.GetAsync(TestJobs.Guild, CancellationToken.None)).MaxCount);
        Assert.Equal(readsBefore, harness.KeyValues.Reads);

        harness.Time.Advance(harness.Options.Value.SettingsCacheDuration);
        Assert.Equal(3, (await Store.GetAsync(TestJobs.Guild, CancellationToken.None)).MaxCount);
    }

    // Old code in this test: "Saved." for both admins, and the first admin's MaxCount silently gone (a plain write over
    // the document read before the other instance saved).
    [Fact]
    public async Task Two_admins_saving_on_two_instances_at_once_both_keep_their_change()
    {
        var other = new GuildSettingsStore(harness.KeyValues, harness.Time, harness.Options);
        SettingsUpdate? otherUpdate = null;

        // The other instance saves between this instance's read and its write: the moment a plain write loses a change.
        var update = await Store.UpdateAsync(TestJobs.Guild, s =>
        {
            otherUpdate ??= other.UpdateAsync(TestJobs.Guild, o => o with { MaxCount = 4 }, CancellationToken.None).GetAwaiter().GetResult();
            return s with { UserCooldown = TimeSpan.FromSeconds(30) };
        }, CancellationToken.None);

        Assert.True(update.Saved);
        Assert.True(otherUpdate!.Saved);
        var stored = await new GuildSettingsStore(harness.KeyValues, harness.Time, harness.Options).GetAsync(TestJobs.Guild, CancellationToken.None);
        Assert.Equal(4, stored.MaxCount);
        Assert.Equal(TimeSpan.FromSeconds(30), stored.UserCooldown);
        Assert.Equal(GuildSettingsJson.Serialize(stored), GuildSettingsJson.Serialize(update.Settings));
    }

    [Fact]
    public async Task An_unchanged_document_keeps_its_instance_so_the_compiled_blocklist_is_reused()
    {
        await Store.UpdateAsync(TestJobs.Guild, s => BlocklistEditor.Add(s, BlocklistEntryKind.Word, "tiger", 1, harness.Time.GetUtcNow()).Settings, CancellationToken.None);
        var first = await Store.GetAsync(TestJobs.Guild, CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await Store.GetAsync(TestJobs.Guild, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Same(harness.Blocklists.For(first), harness.Blocklists.For(second));
    }

    [Theory]
    [InlineData(0, "The maximum count must be between 1 and 10.")]
    [InlineData(11, "The maximum count must be between 1 and 10.")]
    public async Task An_invalid_change_is_refused_and_nothing_is_written(int maxCount, string problem)
    {
        var update = await Store.UpdateAsync(TestJobs.Guild, s => s with { MaxCount = maxCount }, CancellationToken.None);

        Assert.False(update.Saved);
        Assert.Equal(problem, update.Problem);
        Assert.Null(await harness.KeyValues.GetAsync("guild:100", "settings", CancellationToken.None));
    }

    [Theory]
    [InlineData("Review mode needs a review channel.")]
    public async Task Review_mode_cannot_be_enabled_without_a_channel(string problem)
    {
        var update = await Store.UpdateAsync(TestJobs.Guild, s => s with { Review = s.Review with { Enabled = true } }, CancellationToken.None);

        Assert.Equal(problem, update.Problem);
    }

    [Fact]
    public void Validation_explains_each_bad_value()
    {
        Assert.Equal("The daily budget cannot be negative.", GuildSettingsValidator.FindProblem(GuildSettings.Default with { DailyBudgetUsd = -1 }));
        Assert.Equal("“ultra” is not a maximum quality: use low, medium or high.", GuildSettingsValidator.FindProblem(GuildSettings.Default with { MaxQuality = "ultra" }));
        Assert.Equal("“2048x2048” is not a size: use auto, 1024x1024, 1024x1536, 1536x1024.", GuildSettingsValidator.FindProblem(GuildSettings.Default with { DefaultSize = "2048x2048" }));
        Assert.Equal("The default quality (high) is above the maximum quality (medium).", GuildSettingsValidator.FindProblem(GuildSettings.Default with { MaxQuality = "medium", DefaultQuality = "high" }));
        Assert.Equal("The cooldown must be between 0 seconds and 24 hours.", GuildSettingsValidator.FindProblem(GuildSettings.Default with { UserCooldown = TimeSpan.FromDays(2) }));
        Assert.Null(GuildSettingsValidator.FindProblem(GuildSettings.Default with { MaxQuality = "high", DefaultQuality = "auto", DefaultSize = "auto" }));
    }

    [Fact]
    public async Task Concurrent_changes_to_one_server_are_not_lost()
    {
        var at = harness.Time.GetUtcNow();
        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Task.Run(() =>
            Store.UpdateAsync(TestJobs.Guild, s => BlocklistEditor.Add(s, BlocklistEntryKind.Word, $"word{i}", 1, at).Settings, CancellationToken.None))));

        Assert.Equal(25, (await Store.GetAsync(TestJobs.Guild, CancellationToken.None)).Blocklist.Count);
    }

    [Fact]
    public async Task Unreadable_stored_settings_fail_loudly_and_reset_clears_them()
    {
        await harness.KeyValues.SetAsync("guild:100", "settings", "{not json", CancellationToken.None);

        await Assert.ThrowsAsync<InvalidDataException>(() => Store.GetAsync(TestJobs.Guild, CancellationToken.None));

        await Store.ResetAsync(TestJobs.Guild, CancellationToken.None);
        Assert.Equal(GuildSettings.Default, await Store.GetAsync(TestJobs.Guild, CancellationToken.None));
    }

    [Fact]
    public void Every_setting_survives_the_json_round_trip()
    {
        var settings = new GuildSettings
        {
            AllowedChannelIds = [1, ulong.MaxValue],
            DeniedChannelIds = [2],
            AllowedRoleIds = [3],
            Review = new ReviewSettings { Enabled = true, ChannelId = 4, ReviewerRoleId = 5, Expiry = TimeSpan.FromHours(6) },
            Blocklist = [new BlocklistEntry(BlocklistEntryKind.Regex, "a+b", 6, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))],
            UserDailyEditLimit = 10,
            ServerDailyImageLimit = 100,
            DailyBudgetUsd = 5.25m,
            UserCooldown = TimeSpan.FromSeconds(30),
            MaxCount = 4,
            MaxQuality = "medium",
            DefaultSize = "1024x1536",
            DefaultQuality = "low",
            AuditChannelId = 7,
            ResultsAsSpoilers = true,
        };

        var read = GuildSettingsJson.Deserialize(GuildSettingsJson.Serialize(settings));

        Assert.Equal(GuildSettingsJson.Serialize(settings), GuildSettingsJson.Serialize(read));
        Assert.Equal(settings.Review, read.Review);
        Assert.Equal(settings.Blocklist, read.Blocklist);
        Assert.Equal(ulong.MaxValue, read.AllowedChannelIds[1]);
        Assert.Contains("\"kind\":\"Regex\"", GuildSettingsJson.Serialize(settings));
    }

    [Fact]
    public void An_older_document_without_a_schema_version_or_lists_is_read()
    {
        var read = GuildSettingsJson.Deserialize("""{"maxCount":3,"blocklist":null}""");

        Assert.Equal(3, read.MaxCount);
        Assert.Empty(read.Blocklist);
        Assert.Equal(GuildSettings.CurrentSchemaVersion, read.SchemaVersion);
    }
}
