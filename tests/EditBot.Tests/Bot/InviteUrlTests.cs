using EditBot.Bot.Commands;
using EditBot.Bot.Delivery;
using EditBot.Discord.Models;

namespace EditBot.Tests.Bot;

public class InviteUrlTests
{
    [Fact]
    public void The_bot_asks_for_exactly_the_permissions_it_uses()
    {
        // VIEW_CHANNEL 10, SEND_MESSAGES 11, EMBED_LINKS 14, ATTACH_FILES 15, READ_MESSAGE_HISTORY 16,
        // CREATE_PUBLIC_THREADS 35, SEND_MESSAGES_IN_THREADS 38.
        const ulong expected = 1024UL + 2048 + 16384 + 32768 + 65536 + 34359738368 + 274877906944;
        Assert.Equal(expected, DiscordPermissions.BotNeeds);
        Assert.Equal(309237763072UL, DiscordPermissions.BotNeeds);
        Assert.Equal(0UL, DiscordPermissions.BotNeeds & DiscordPermissions.ManageMessages);
    }

    [Fact]
    public void The_invite_url_carries_the_bitset_and_both_scopes()
    {
        var url = InviteUrl.For(123456789012345678).ToString();

        Assert.StartsWith("https://discord.com/oauth2/authorize?", url);
        Assert.Contains("client_id=123456789012345678", url);
        Assert.Contains("permissions=309237763072", url);
        Assert.Contains("scope=bot+applications.commands", url);
    }
}
