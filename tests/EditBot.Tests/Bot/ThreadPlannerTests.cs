using EditBot.Bot.Delivery;
using EditBot.Discord.Models;
using EditBot.Origin;

namespace EditBot.Tests.Bot;

public class ThreadPlannerTests
{
    private static readonly DiscordOrigin TextChannel = new()
    {
        Entry = EntryKind.Slash,
        UserId = 1,
        GuildId = 2,
        ChannelId = 3,
        ChannelType = 0,
        ThreadAnchorMessageId = 4,
        AppPermissions = DiscordPermissions.BotNeeds,
    };

    [Fact]
    public void A_slash_command_in_a_text_channel_starts_a_thread_on_the_answer()
    {
        var plan = ThreadPlanner.Plan(TextChannel);
        Assert.Equal(new DeliveryPlan(DeliveryPlanKind.StartThread, 3, 4), plan);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public void Inside_a_thread_the_results_go_to_that_thread(int threadType)
    {
        var plan = ThreadPlanner.Plan(TextChannel with { ChannelType = threadType });
        Assert.Equal(DeliveryPlanKind.UseThread, plan.Kind);
        Assert.Equal(3UL, plan.ChannelId);
        Assert.Null(plan.Reason);
    }

    [Fact]
    public void In_a_dm_the_results_are_a_reply_without_excuses()
    {
        var plan = ThreadPlanner.Plan(TextChannel with { GuildId = null, ChannelType = 1 });
        Assert.Equal(DeliveryPlanKind.ReplyInChannel, plan.Kind);
        Assert.Equal(4UL, plan.AnchorMessageId);
        Assert.Null(plan.Reason);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(16)]
    public void In_a_forum_or_media_channel_the_reply_says_why_there_is_no_thread(int type)
    {
        var plan = ThreadPlanner.Plan(TextChannel with { ChannelType = type });
        Assert.Equal(DeliveryPlanKind.ReplyInChannel, plan.Kind);
        Assert.Contains("forum", plan.Reason);
    }

    [Theory]
    [InlineData(DiscordPermissions.CreatePublicThreads)]
    [InlineData(DiscordPermissions.SendMessagesInThreads)]
    public void Without_both_thread_permissions_the_reply_names_them(ulong removed)
    {
        var plan = ThreadPlanner.Plan(TextChannel with { AppPermissions = DiscordPermissions.BotNeeds & ~removed });
        Assert.Equal(DeliveryPlanKind.ReplyInChannel, plan.Kind);
        Assert.Contains("Create Public Threads", plan.Reason);
        Assert.Equal(4UL, plan.AnchorMessageId);
    }

    [Fact]
    public void Unknown_permissions_mean_try_the_thread()
    {
        var plan = ThreadPlanner.Plan(TextChannel with { AppPermissions = null, ChannelType = null, Entry = EntryKind.Mention });
        Assert.Equal(DeliveryPlanKind.StartThread, plan.Kind);
    }

    [Fact]
    public void A_private_edit_never_gets_a_thread()
    {
        var plan = ThreadPlanner.Plan(TextChannel with { Private = true });
        Assert.Equal(DeliveryPlanKind.Private, plan.Kind);
    }
}
