using System.Globalization;
using EditBot.Moderation;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// Fail closed: a mention in a thread the bot cannot read (so its parent channel is unknown) is treated as in a
/// denied channel when the server has a deny list. Old code: the unknown parent read as "no parent", the thread
/// passed the deny list of its parent channel and the edit was queued and sent to GMI.
/// </summary>
public sealed class UnreadableThreadMentionTests
{
    [Fact]
    public async Task A_mention_in_an_unreadable_thread_of_a_server_with_a_deny_list_is_refused_and_sends_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        var parent = BotHarnessEdits.DefaultChannel;
        var thread = bot.Discord.AddChannel(type: 11, parentId: parent);
        var guildId = bot.Discord.DefaultGuildId;
        await bot.Services.GetRequiredService<GuildSettingsStore>().UpdateAsync(guildId, s => s with { DeniedChannelIds = [parent] }, CancellationToken.None);
        bot.Discord.ForbidChannel(thread.Id);

        var photo = bot.Discord.AddAttachment("dog.png", TestImages.Png(200, 300));
        var target = bot.Discord.AddMessage(thread.Id, "look", attachments: [photo]);
        var stored = bot.Discord.AddMessage(thread.Id, $"<@{BotHarness.BotId}> add a hat", authorId: ulong.Parse(DiscordUserSpec.Requester.Id, CultureInfo.InvariantCulture), replyTo: target.Id);
        var mention = MessagePayloads.MentionReplyToImage("add a hat", bot.Discord.ToMessageJson(target, fullContent: true), true, BotHarness.BotId.ToString(CultureInfo.InvariantCulture));
        mention["id"] = stored.Id.ToString(CultureInfo.InvariantCulture);
        mention["channel_id"] = thread.Id.ToString(CultureInfo.InvariantCulture);

        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        var replyPath = $"/channels/{thread.Id}/messages";
        await Eventually.WaitUntilAsync(() => bot.Discord.Requests.Any(r => r.Method == "POST" && r.Path.EndsWith(replyPath, StringComparison.Ordinal)), "the bot's answer in the thread");
        var answer = bot.Discord.Requests.First(r => r.Method == "POST" && r.Path.EndsWith(replyPath, StringComparison.Ordinal));
        Assert.Contains("not allowed", answer.Body, StringComparison.Ordinal);
        Assert.Empty(await bot.JobsForAsync("add a hat"));
        Assert.Equal(0, bot.Gmi.SubmitAttempts);
    }
}
