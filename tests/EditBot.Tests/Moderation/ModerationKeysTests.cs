using EditBot.Core.Jobs;
using EditBot.Moderation;

namespace EditBot.Tests.Moderation;

public sealed class ModerationKeysTests
{
    [Fact]
    public void Keys_round_trip_and_foreign_keys_are_refused()
    {
        Assert.Equal("guild:42", OriginKeys.Guild(42));
        Assert.True(OriginKeys.TryParseUser(OriginKeys.User(ulong.MaxValue), out var user));
        Assert.Equal(ulong.MaxValue, user);
        Assert.False(OriginKeys.TryParseGuild("cli:me", out _));
        Assert.False(OriginKeys.TryParseGuild("guild:-1", out _));
        Assert.False(OriginKeys.TryParseGuild(null, out _));
    }

    [Fact]
    public void Members_choices_win_over_server_defaults_which_win_over_auto()
    {
        var settings = GuildSettings.Default with { DefaultQuality = "low", DefaultSize = "1024x1536" };

        Assert.Equal("high", settings.QualityFor("High"));
        Assert.Equal("low", settings.QualityFor(null));
        Assert.Equal("1024x1536", settings.SizeFor(" "));
        Assert.Equal("auto", GuildSettings.Default.SizeFor(null));
    }
}
