using System.Globalization;
using System.Net;
using System.Text;
using EditBot.Bot.Intake;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Origin;
using EditBot.Tests.Support;
using EditBot.TestSupport;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.EndToEnd;

/// <summary>
/// A process killed between reserving an edit and queueing it leaves the reservation behind (state Received): nothing
/// was sent, and the sweep gives it up after <c>Bot:ReservationLifetime</c>. The person was left with a command still
/// "thinking", or a mention with no answer: the sweep now tells them. Found by the two-shard kill test under load, where
/// the kill caught an intake between the two steps and the job stayed Received.
/// Old code: the reservation was cancelled and nothing reached Discord (both waits below timed out).
/// </summary>
public sealed class InterruptedIntakeEndToEndTests
{
    [Fact]
    public async Task A_reservation_left_by_a_dead_process_is_given_up_and_the_person_is_told_where_they_wait()
    {
        await using var bot = await BotHarness.StartAsync();
        var requester = ulong.Parse(DiscordUserSpec.Requester.Id, CultureInfo.InvariantCulture);
        var store = bot.Services.GetRequiredService<IJobStore>();
        var sixMinutesAgo = DateTimeOffset.UtcNow.AddMinutes(-6);

        // An /edit the dead process had deferred (its answer still "thinking") and reserved.
        var command = new InteractionOrigin();
        var payload = InteractionPayloads.SlashCommand("edit", command, CommandOption.Text("prompt", "a lost boat"));
        await Eventually.WaitUntilAsync(() => bot.Discord.IsCommandRegistered(payload), "the commands to be registered");
        var interaction = bot.Discord.RegisterInteraction(payload);
        using (var http = new HttpClient { DefaultRequestHeaders = { { "User-Agent", "DiscordBot (https://example.com, 1.0)" } } })
        using (var defer = await http.PostAsync(
            new Uri(bot.Discord.ApiBaseUrl, $"{bot.Discord.ApiBaseUrl.AbsolutePath.TrimEnd('/')}/interactions/{interaction.Id}/{interaction.Token}/callback"),
            new StringContent("{\"type\": 5}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.NoContent, defer.StatusCode);
        }

        var lostCommand = await SeedReservationAsync(store, "a lost boat", sixMinutesAgo, new DiscordOrigin
        {
            Entry = EntryKind.Slash, UserId = requester, GuildId = ulong.Parse(command.GuildId!, CultureInfo.InvariantCulture),
            ChannelId = BotHarnessEdits.DefaultChannel, InteractionId = interaction.Id, InteractionToken = interaction.Token, TokenIssuedAt = sixMinutesAgo,
        });

        // A mention the dead process had reserved before posting its progress reply.
        var mention = bot.Discord.AddMessage(BotHarnessEdits.DefaultChannel, $"<@{BotHarness.BotId}> a lost hat", authorId: requester);
        var lostMention = await SeedReservationAsync(store, "a lost hat", sixMinutesAgo, new DiscordOrigin
        {
            Entry = EntryKind.Mention, UserId = requester, GuildId = bot.Discord.DefaultGuildId,
            ChannelId = BotHarnessEdits.DefaultChannel, ThreadAnchorMessageId = mention.Id,
        });

        // The sweep runs at start, as on the instance that takes over.
        await bot.RestartAsync();

        await Eventually.WaitUntilAsync(
            () => bot.Discord.GetMessage(interaction.OriginalMessageId ?? 0)?.Content.Contains("was interrupted before it was queued", StringComparison.Ordinal) == true,
            "the command's answer to say what happened");
        await Eventually.WaitUntilAsync(
            () => bot.Discord.MessagesIn(BotHarnessEdits.DefaultChannel).Any(m => m.AuthorIsBot && m.ReferencedMessageId == mention.Id),
            "a reply to the mention");
        var reply = bot.Discord.MessagesIn(BotHarnessEdits.DefaultChannel).Single(m => m.AuthorIsBot && m.ReferencedMessageId == mention.Id);
        Assert.Equal(ReservationSweepService.InterruptedText(lostMention), reply.Content);
        Assert.Contains("“a lost boat”", bot.Discord.GetMessage(interaction.OriginalMessageId!.Value)!.Content, StringComparison.Ordinal);
        foreach (var job in new[] { lostCommand, lostMention })
        {
            Assert.Equal(JobState.Cancelled, (await store.GetAsync(job.Id, CancellationToken.None))!.State);
        }

        Assert.Empty(bot.Gmi.Requests);
        bot.Discord.AssertNoContractViolations();
    }

    private static Task<Job> SeedReservationAsync(IJobStore store, string prompt, DateTimeOffset at, DiscordOrigin origin)
    {
        var job = new Job
        {
            Id = Guid.NewGuid(), State = JobState.Received, Origin = JobOrigins.ForDiscord(origin), CreatedAt = at, UpdatedAt = at,
            Request = new EditRequest(prompt, "never-stored", null, "1024x1024", "low", 1),
        };
        return store.InsertAsync(job, new JobEvent(job.Id, at, JobState.Received, JobState.Received, "reserved by a process that then died"), CancellationToken.None);
    }
}
