using System.Globalization;
using System.Text.Json.Nodes;
using EditBot.Core.Jobs;
using MessageBody = EditBot.Discord.Models.MessageBody;
using MessageFlags = EditBot.Discord.Models.MessageFlags;
using EditBot.Discord.Rest;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// EditBot installed to a person's account and used where the bot is no member: a second server whose channel routes
/// answer 403 50001 to the bot, and a group DM. Progress and results go only through the interaction's webhook (at most
/// five follow-ups, as Discord allows there), then the person's DMs once the token would expire.
/// </summary>
public class UserInstallEndToEndTests
{
    private const ulong OtherGuild = 1300000000000000077;

    /// <summary>Attach Files and Embed Links: what a user install may do in a server's channel, not Send Messages.</summary>
    private const string UserInstallPermissions = "49152";

    [Fact]
    public async Task An_edit_from_a_user_install_in_a_server_without_the_bot_arrives_as_follow_ups_with_no_refused_call()
    {
        await using var bot = await BotHarness.StartAsync();
        var channel = ForeignChannel(bot);
        var origin = ForeignOrigin(channel);

        await bot.SlashEditAsync("a paper boat", bot.Image(), origin, CommandOption.Number("count", 2));
        var job = await bot.WaitForJobAsync("a paper boat");

        Assert.Equal(JobState.Done, job.State);
        var interaction = bot.Discord.GetInteraction(origin.Token)!;
        var followups = interaction.FollowupMessageIds.Select(id => bot.Discord.GetMessage(id)!).ToList();
        // Both results and the contact sheet fit one message, so they take one of the five follow-ups, as a card.
        var card = Assert.Single(followups);
        Assert.True(card.IsComponentsV2);
        Assert.Equal(3, card.Attachments.Count);
        Assert.Equal(2, followups.Sum(m => m.Attachments.Count(a => a.Filename.StartsWith("edit-", StringComparison.Ordinal) && !a.Filename.Contains("sheet", StringComparison.Ordinal))));
        Assert.All(followups, m => Assert.False(m.IsEphemeral));
        Assert.Contains("results below", bot.Discord.GetMessage(interaction.OriginalMessageId!.Value)!.Content, StringComparison.Ordinal);
        AssertNoRefusedOrChannelCalls(bot, channel);
        Assert.Single(bot.Gmi.Requests);
        bot.Discord.AssertNoContractViolations();
    }

    [Theory]
    [InlineData(false, 8, "eight paper boats")]
    [InlineData(true, 7, "seven secret boats")] // the five bind ephemeral follow-ups too
    public async Task Results_that_need_more_than_five_messages_fill_the_five_follow_ups_and_the_rest_go_to_the_DM(bool isPrivate, int count, string prompt)
    {
        await using var bot = await SmallUploads.StartAsync(TinyLimit, TinyRequestLimit);
        var channel = ForeignChannel(bot);

        var (followups, _) = await SplitDeliveryAsync(bot, ForeignOrigin(channel), prompt, count, isPrivate);

        Assert.All(followups, m => Assert.Equal(isPrivate, m.IsEphemeral));
        AssertNoRefusedOrChannelCalls(bot, channel);
    }

    [Fact]
    public async Task A_private_edit_in_the_bots_DM_by_its_user_install_alone_also_keeps_to_five_follow_ups()
    {
        // There authorizing_integration_owners holds the user's key alone too; Discord's documentation makes no exception.
        await using var bot = await SmallUploads.StartAsync(TinyLimit, TinyRequestLimit);
        bot.Discord.AddChannel(type: 1, id: ulong.Parse(InteractionOrigin.DirectMessage.ChannelId, CultureInfo.InvariantCulture));

        var (_, direct) = await SplitDeliveryAsync(bot, InteractionOrigin.DirectMessage with { UserInstall = true }, "seven secret kites", 7, isPrivate: true);

        Assert.Contains($"more messages than the {FakeDiscordServer.MaxUserInstallFollowups}", direct[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_the_bot_did_not_count_sends_the_part_it_displaced_to_the_DM_instead_of_failing_the_job()
    {
        // As when an answer had to stand in for @original: one of the five slots is gone before the results.
        await using var bot = await SmallUploads.StartAsync(TinyLimit, TinyRequestLimit);
        bot.Gmi.Duration = _ => TimeSpan.FromSeconds(2);
        var channel = ForeignChannel(bot);
        var origin = ForeignOrigin(channel) with { AttachmentSizeLimit = TinyLimit };

        await bot.SlashEditAsync("seven hidden kites", bot.Image(120, 80), origin, CommandOption.Number("count", 7), CommandOption.Boolean("private", true));
        await Eventually.WaitUntilAsync(() => bot.Discord.GetInteraction(origin.Token)?.ResponseType is not null, "the bot's answer");
        var other = await bot.Services.GetRequiredService<DiscordRestClient>().CreateFollowupAsync(
            origin.Token, new MessageBody { Content = "someone else's follow-up", Flags = MessageFlags.Ephemeral }, null, CancellationToken.None);
        var job = await bot.WaitForJobAsync("seven hidden kites");

        Assert.Equal(JobState.Done, job.State);
        var followups = bot.Discord.GetInteraction(origin.Token)!.FollowupMessageIds.Where(id => id != other.Id).Select(id => bot.Discord.GetMessage(id)!).ToList();
        Assert.Equal(FakeDiscordServer.MaxUserInstallFollowups - 1, followups.Count);
        var dm = bot.Discord.DirectMessageChannelOf(ulong.Parse(DiscordUserSpec.Requester.Id, CultureInfo.InvariantCulture))!;
        var direct = bot.ResultMessages(dm.Id);
        Assert.Contains("more messages than the 5", direct[0].Text, StringComparison.Ordinal);
        Assert.All(direct.Skip(1), m => Assert.DoesNotContain("more messages than", m.Text ?? "", StringComparison.Ordinal));
        BotHarnessEdits.AssertEachResultOnce(followups.Concat(direct), 7);
        Assert.Single(bot.Discord.Requests, r => r.Status == 400); // the one 40094, answered by going to the DM
    }

    [Fact]
    public async Task A_private_edit_whose_follow_ups_ran_out_and_whose_DMs_are_closed_fails_saying_so()
    {
        await using var bot = await SmallUploads.StartAsync(TinyLimit, TinyRequestLimit);
        bot.Discord.CloseDirectMessages(ulong.Parse(DiscordUserSpec.Requester.Id, CultureInfo.InvariantCulture));
        var channel = ForeignChannel(bot);
        var origin = ForeignOrigin(channel) with { AttachmentSizeLimit = TinyLimit };

        await bot.SlashEditAsync("seven shy kites", bot.Image(120, 80), origin, CommandOption.Number("count", 7), CommandOption.Boolean("private", true));
        var job = await bot.WaitForJobAsync("seven shy kites");

        Assert.Equal((JobState.Failed, FailureCode.DeliveryFailed), (job.State, job.Failure!.Code));
        Assert.StartsWith("The results needed more than the 5 messages Discord lets me answer with there, and your DMs are closed", job.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(FakeDiscordServer.MaxUserInstallFollowups, bot.Discord.GetInteraction(origin.Token)!.FollowupMessageIds.Count);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Status == 400);
    }

    [Fact]
    public async Task An_edit_in_a_group_DM_arrives_through_the_interaction()
    {
        await using var bot = await BotHarness.StartAsync();
        var groupDm = bot.Discord.AddChannel(type: 3, guildId: null).Id;
        bot.Discord.ForbidChannel(groupDm);
        var origin = new InteractionOrigin { GuildId = null, ChannelId = groupDm.ToString(CultureInfo.InvariantCulture), ChannelType = 3, UserInstall = true, AppPermissions = UserInstallPermissions };

        await bot.SlashEditAsync("a party hat", bot.Image(), origin);

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("a party hat")).State);
        var interaction = bot.Discord.GetInteraction(origin.Token)!;
        Assert.Single(interaction.FollowupMessageIds);
        AssertNoRefusedOrChannelCalls(bot, groupDm);
    }

    [Fact]
    public async Task When_the_token_would_expire_before_the_results_they_go_to_the_requesters_DM_instead()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Bot:InteractionTokenLifetime"] = "00:00:01" });
        bot.Gmi.Duration = _ => TimeSpan.FromSeconds(3);
        var channel = ForeignChannel(bot);
        var origin = ForeignOrigin(channel);

        await bot.SlashEditAsync("a slow sunrise", bot.Image(), origin);

        Assert.Equal(JobState.Done, (await bot.WaitForJobAsync("a slow sunrise")).State);
        var dm = bot.Discord.DirectMessageChannelOf(ulong.Parse(DiscordUserSpec.Requester.Id, CultureInfo.InvariantCulture));
        Assert.NotNull(dm);
        var sent = Assert.Single(bot.Discord.MessagesIn(dm.Id), m => m.Attachments.Count > 0);
        Assert.Contains("so here it is in DMs", sent.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.GetInteraction(origin.Token)!.FollowupMessageIds);
        AssertNoRefusedOrChannelCalls(bot, channel);
    }

    [Fact]
    public async Task An_operator_who_denies_user_installs_gets_a_refusal_that_says_why_and_nothing_is_sent()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Moderation:UserInstall"] = "Deny" });
        var channel = ForeignChannel(bot);
        var origin = ForeignOrigin(channel);

        await bot.SlashEditAsync("a denied edit", bot.Image(), origin);

        await Eventually.WaitUntilAsync(() => bot.InteractionTraffic(origin).Contains("where a server has added this bot", StringComparison.Ordinal), "the refusal");
        Assert.Empty(bot.Gmi.Requests);
        AssertNoRefusedOrChannelCalls(bot, channel);
    }

    [Fact]
    public async Task Drawing_a_region_where_the_bot_is_no_member_says_why_instead_of_offering_a_page_whose_results_could_not_be_posted()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string> { ["Http:PublicBaseUrl"] = "https://editbot.example.com" });
        var channel = ForeignChannel(bot);
        var origin = ForeignOrigin(channel);

        await bot.SlashEditAsync("a drawn hat", bot.Image(), origin, CommandOption.Text("region", "draw"));

        await Eventually.WaitUntilAsync(() => bot.InteractionTraffic(origin).Contains("not a member here", StringComparison.Ordinal), "the answer");
        Assert.DoesNotContain("\"url\"", bot.InteractionTraffic(origin), StringComparison.Ordinal);
        AssertNoRefusedOrChannelCalls(bot, channel);
    }

    [Fact]
    public async Task The_bot_registers_its_commands_for_both_installs_and_admin_commands_for_servers_only()
    {
        await using var bot = await BotHarness.StartAsync();
        await Eventually.WaitUntilAsync(() => bot.Discord.Requests.Any(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal)), "the registration");
        var commands = JsonNode.Parse(bot.Discord.Requests.Last(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal)).Body!)!.AsArray();
        foreach (var command in commands)
        {
            var name = (string)command!["name"]!;
            var (types, contexts) = (command["integration_types"]!.ToJsonString(), command["contexts"]!.ToJsonString());
            Assert.Equal(name == "editbot-admin" ? ("[0]", "[0]") : ("[0,1]", "[0,1,2]"), (types, contexts));
        }
    }

    /// <summary>Upload limits that leave one or two result files per message (6 KiB a file, 7 KiB a request).</summary>
    private const long TinyLimit = 6 * 1024, TinyRequestLimit = 7 * 1024;

    /// <summary>
    /// Runs an edit of <paramref name="count"/> results under <see cref="TinyLimit"/>, so they need more messages than the
    /// five follow-ups, and asserts what every such delivery must do: done, exactly five follow-ups, the rest in the
    /// requester's DM, each result once, and nothing refused (no 40094).
    /// </summary>
    private static async Task<(List<FakeMessage> Followups, List<FakeMessage> Direct)> SplitDeliveryAsync(
        BotHarness bot, InteractionOrigin origin, string prompt, int count, bool isPrivate)
    {
        origin = origin with { AttachmentSizeLimit = TinyLimit };
        await bot.SlashEditAsync(prompt, bot.Image(120, 80), origin, CommandOption.Number("count", count), CommandOption.Boolean("private", isPrivate));
        var job = await bot.WaitForJobAsync(prompt);

        Assert.Equal(JobState.Done, job.State);
        var followups = bot.Discord.GetInteraction(origin.Token)!.FollowupMessageIds.Select(id => bot.Discord.GetMessage(id)!).ToList();
        Assert.Equal(FakeDiscordServer.MaxUserInstallFollowups, followups.Count);
        var dm = bot.Discord.DirectMessageChannelOf(ulong.Parse(DiscordUserSpec.Requester.Id, CultureInfo.InvariantCulture));
        Assert.NotNull(dm);
        var direct = bot.ResultMessages(dm.Id).Where(m => m.WebhookId is null).ToList();
        Assert.NotEmpty(direct);
        BotHarnessEdits.AssertEachResultOnce(followups.Concat(direct), count);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Status == 400);
        bot.Discord.AssertNoContractViolations();
        var answer = bot.Discord.GetMessage(bot.Discord.GetInteraction(origin.Token)!.OriginalMessageId!.Value)!;
        await Eventually.WaitUntilAsync(() => answer.Content?.Contains("results below, the rest in your DMs", StringComparison.Ordinal) == true, "the final progress");
        return (followups, direct);
    }

    /// <summary>A user install's interaction in <see cref="OtherGuild"/>'s channel, where the bot is no member.</summary>
    private static InteractionOrigin ForeignOrigin(ulong channel) => new()
    {
        GuildId = OtherGuild.ToString(CultureInfo.InvariantCulture),
        ChannelId = channel.ToString(CultureInfo.InvariantCulture),
        UserInstall = true,
        AppPermissions = UserInstallPermissions,
    };

    /// <summary>A text channel of a server that never added the bot: every channel route answers the bot 403 50001.</summary>
    private static ulong ForeignChannel(BotHarness bot)
    {
        var channel = bot.Discord.AddChannel(type: 0, guildId: OtherGuild).Id;
        bot.Discord.ForbidChannel(channel);
        return channel;
    }

    private static void AssertNoRefusedOrChannelCalls(BotHarness bot, ulong channel)
    {
        var refused = bot.Discord.Requests.Where(r => r.Status is 401 or 403).Select(r => $"{r.Method} {r.Path} {r.Status}").ToList();
        Assert.True(refused.Count == 0, "Refused calls: " + string.Join(", ", refused));
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Path.Contains($"/channels/{channel}", StringComparison.Ordinal));
    }
}
