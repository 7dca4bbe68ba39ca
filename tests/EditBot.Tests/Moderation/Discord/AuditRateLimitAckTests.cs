using System.Text.Json.Nodes;
using EditBot.Bot.Components;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Moderation.Discord;
using EditBot.Tests.Moderation.Discord.Support;
using EditBot.Tests.Support;
using EditBot.TestSupport.Discord.Inject;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Option = EditBot.TestSupport.Discord.Inject.CommandOption;

namespace EditBot.Tests.Moderation.Discord;

/// <summary>
/// A rate-limited audit channel must never hold up an interaction: Cancel and the review decisions are acknowledged
/// and answered before the audit post reaches Discord (order at the fake's wire), and the post still arrives later.
/// </summary>
public sealed class AuditRateLimitAckTests
{
    private static readonly TimeSpan AuditRetryAfter = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Cancel_is_answered_before_the_rate_limited_audit_post_which_arrives_later()
    {
        await using var setup = await StartAsync();
        var (bot, audit, _, job, edit) = setup;
        var progress = bot.Discord.GetMessage(bot.Discord.GetInteraction(edit["token"]!.GetValue<string>())!.OriginalMessageId!.Value)!;

        var press = await PressAsync(bot, CustomId.ForJob(CustomId.Cancel, job.Id).ToString(), progress, ModerationBot.Member);

        await AssertAnsweredBeforeAuditAsync(bot, press, audit, "**Cancelled**");
    }

    [Fact]
    public async Task Approve_is_answered_before_the_rate_limited_audit_post_which_arrives_later()
    {
        await using var setup = await StartAsync();
        var (bot, audit, review, job, _) = setup;

        var press = await PressAsync(bot, $"eb:approve:{job.Id:N}", bot.Discord.MessagesIn(review.Id)[0], ModerationBot.Admin);

        await AssertAnsweredBeforeAuditAsync(bot, press, audit, "**Approved**");
    }

    [Fact]
    public async Task The_reject_reason_is_answered_before_the_rate_limited_audit_post_which_arrives_later()
    {
        await using var setup = await StartAsync();
        var (bot, audit, review, job, _) = setup;
        var post = bot.Discord.MessagesIn(review.Id)[0];
        await PressAsync(bot, $"eb:reject:{job.Id:N}", post, ModerationBot.Admin);

        var submit = InteractionPayloads.ModalSubmit($"eb:rejectwhy:{job.Id:N}", [ModalField.TextInput("reason", "wrong channel")], ModerationBot.Fresh(ModerationBot.Admin));
        await bot.Harness.DispatchInteractionAsync(submit, post.Id);

        await AssertAnsweredBeforeAuditAsync(bot, submit, audit, "**Rejected**");
    }

    [Fact]
    public async Task A_press_on_an_expired_request_is_answered_before_the_rate_limited_audit_post_which_arrives_later()
    {
        var clock = new OffsetTimeProvider();
        await using var setup = await StartAsync(clock);
        var (bot, audit, review, job, _) = setup;
        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var press = await PressAsync(bot, $"eb:approve:{job.Id:N}", bot.Discord.MessagesIn(review.Id)[0], ModerationBot.Admin);

        await AssertAnsweredBeforeAuditAsync(bot, press, audit, "**Expired**");
    }

    /// <summary>A bot with review (2 h expiry) and an audit channel, one edit waiting for review, then the audit channel rate limited.</summary>
    private static async Task<Setup> StartAsync(TimeProvider? clock = null)
    {
        var bot = await ModerationBot.StartAsync(clock is null ? null : s => s.AddSingleton(clock));
        var review = bot.Discord.AddChannel(guildId: ModerationBot.Guild);
        var audit = bot.Discord.AddChannel(guildId: ModerationBot.Guild);
        await bot.AdminAsync(ModerationBot.Admin, Option.Subcommand("audit", ChannelOption(audit.Id)));
        await bot.AdminAsync(ModerationBot.Admin, Option.SubcommandGroup("review", Option.Subcommand("on", ChannelOption(review.Id), new Option("expiry-hours", 10, JsonValue.Create(2), [], null))));
        var edit = await bot.EditAsync("paint the door blue");
        await bot.RefusalOfAsync(edit);
        await Eventually.WaitUntilAsync(() => bot.Discord.MessagesIn(review.Id).Count == 1, "the review post", ModerationBot.Patience);
        await Eventually.WaitUntilAsync(() => AuditLines(bot, audit).Any(l => l.StartsWith("**AwaitingReview**", StringComparison.Ordinal)), "the request's audit line", ModerationBot.Patience);
        var store = bot.Harness.Services.GetRequiredService<IJobStore>();
        var job = (await store.ListAsync(new JobQuery { States = [JobState.AwaitingApproval] }, CancellationToken.None)).Single();
        bot.Discord.ForceRateLimit(FakeRateLimitScope.Shared, AuditRetryAfter, "POST /channels/{channel_id}/messages", channelId: audit.Id);
        return new Setup(bot, audit, review, job, edit);
    }

    private static async Task<JsonObject> PressAsync(ModerationBot bot, string customId, FakeMessage message, InteractionOrigin origin)
    {
        var payload = InteractionPayloads.ButtonClick(customId, bot.Discord.ToMessageJson(message), ModerationBot.Fresh(origin));
        await bot.Harness.DispatchInteractionAsync(payload, message.Id);
        return payload;
    }

    private static async Task AssertAnsweredBeforeAuditAsync(ModerationBot bot, JsonObject interaction, FakeChannel audit, string kind)
    {
        await Eventually.WaitUntilAsync(() => AuditLines(bot, audit).Any(l => l.StartsWith(kind, StringComparison.Ordinal)), $"the {kind} audit line once the limit lifts", ModerationBot.Patience);
        var id = interaction["id"]!.GetValue<string>();
        var token = interaction["token"]!.GetValue<string>();
        await Eventually.WaitUntilAsync(() => AnswerIndex(bot, token) >= 0 || bot.Discord.GetInteraction(token)!.LateRefusals > 0, "the answer", ModerationBot.Patience);

        var requests = bot.Discord.Requests;
        var ack = requests.ToList().FindIndex(r => r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal));
        var auditPost = requests.ToList().FindIndex(r => r.Method == "POST" && r.Status == 200 && r.Path.EndsWith($"/channels/{audit.Id}/messages", StringComparison.Ordinal)
            && r.Body!.Contains(kind, StringComparison.Ordinal));
        var answer = AnswerIndex(bot, token);
        var wire = string.Join("\n", requests.Select((r, i) => $"{i}: {r.Status} {r.Method} {r.RouteKey}"));
        Assert.Equal(0, bot.Discord.GetInteraction(token)!.LateRefusals);
        Assert.True(ack >= 0 && ack < auditPost, $"acknowledgement at {ack}, {kind} audit post at {auditPost}:\n{wire}");
        Assert.True(answer >= 0 && answer < auditPost, $"answer at {answer}, {kind} audit post at {auditPost}:\n{wire}");
        Assert.Contains(bot.Discord.RateLimitAnswers, a => a.Forced && !a.Early);
    }

    /// <summary>Where the person's text answer reached the fake: a message callback, or the deferred answer's edit.</summary>
    private static int AnswerIndex(ModerationBot bot, string token) =>
        bot.Discord.Requests.ToList().FindIndex(r => r.Path.Contains(token, StringComparison.Ordinal) && r.Status is >= 200 and < 300
            && ((r.Method == "PATCH" && r.Path.Contains("/messages/@original", StringComparison.Ordinal))
                || (r.RouteKey!.EndsWith("/callback", StringComparison.Ordinal) && JsonNode.Parse(r.Body!)?["type"]?.GetValue<int>() is 4 or 7)));

    private static List<string> AuditLines(ModerationBot bot, FakeChannel audit) => [.. bot.Discord.MessagesIn(audit.Id).Select(m => m.Content)];

    private static Option ChannelOption(ulong id) => new("channel", 7, JsonValue.Create(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), [], null);

    private sealed record Setup(ModerationBot Bot, FakeChannel Audit, FakeChannel Review, Job Job, JsonObject Edit) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Bot.DisposeAsync();
    }
}
