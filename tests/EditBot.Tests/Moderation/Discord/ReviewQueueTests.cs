using System.Text.Json.Nodes;
using EditBot.Bot.Components;
using EditBot.Core.Jobs;
using EditBot.Moderation;
using EditBot.Moderation.Discord;
using EditBot.TestSupport.Discord;
using EditBot.TestSupport.Discord.Inject;
using EditBot.Tests.Moderation.Discord.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Tests.Moderation.Discord;

public sealed class ReviewQueueTests : IAsyncLifetime
{
    private const string ReviewerRole = "1300000000000000009";
    private ModerationDiscordHarness h = null!;
    private FakeChannel reviewChannel = null!;

    public async Task InitializeAsync()
    {
        h = await ModerationDiscordHarness.StartAsync();
        reviewChannel = h.Discord.AddChannel(guildId: ModerationDiscordHarness.Guild);
        await h.ConfigureAsync(s => s with { Review = new ReviewSettings { Enabled = true, ChannelId = reviewChannel.Id, ReviewerRoleId = ulong.Parse(ReviewerRole) } });
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_request_waiting_for_review_is_posted_with_thumbnail_mask_prompt_requester_cost_and_buttons_without_pings()
    {
        var job = await h.EnqueueAsync("make it <@&1> *pink*", withMask: true);

        var post = Assert.Single(h.Discord.MessagesIn(reviewChannel.Id));
        Assert.Contains($"<@{ModerationDiscordHarness.Requester}>", post.Content, StringComparison.Ordinal);
        Assert.Contains(@"make it <@&1\> \*pink\*", post.Content, StringComparison.Ordinal);
        Assert.Contains("Estimated cost: $0.21", post.Content, StringComparison.Ordinal);
        Assert.Equal(["input.jpg", "mask.png"], post.Attachments.Select(a => a.Filename));
        Assert.Equal([0xFF, 0xD8], post.Attachments[0].Bytes.Take(2));
        var ids = post.Components.SelectMany(row => row!["components"]!.AsArray()).Select(b => b!["custom_id"]!.GetValue<string>());
        Assert.Equal([$"eb:approve:{job.Id:N}", $"eb:reject:{job.Id:N}"], ids);
        var request = h.Discord.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{reviewChannel.Id}/messages", StringComparison.Ordinal));
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", request.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_a_reviewer_is_refused_and_the_job_keeps_waiting()
    {
        var job = await h.EnqueueAsync();
        var token = await PressAsync(job, ReviewActions.Approve, InteractionOrigin.Guild);

        var callback = Assert.Single(h.Discord.GetInteraction(token)!.Callbacks);
        Assert.Equal(ReviewButtonHandler.NotReviewer, callback["data"]!["content"]!.GetValue<string>());
        Assert.Equal(JobState.AwaitingApproval, (await h.Jobs.GetAsync(job.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_reviewer_approves_the_job_is_queued_and_the_post_loses_its_buttons()
    {
        var job = await h.EnqueueAsync();
        await PressAsync(job, ReviewActions.Approve, InteractionOrigin.Guild with { MemberRoles = [ReviewerRole], User = DiscordUserSpec.OtherUser });

        Assert.Equal(JobState.Queued, (await h.Jobs.GetAsync(job.Id, CancellationToken.None))!.State);
        var post = Assert.Single(h.Discord.MessagesIn(reviewChannel.Id));
        Assert.Empty(post.Components);
        Assert.Contains($"**Approved** by <@{DiscordUserSpec.OtherUser.Id}>", post.Content, StringComparison.Ordinal);
        var events = await h.Jobs.GetEventsAsync(job.Id, CancellationToken.None);
        Assert.Equal($"Approved by reviewer {DiscordUserSpec.OtherUser.Id}", events[^1].Reason);
    }

    [Fact]
    public async Task Reject_opens_a_modal_and_its_reason_rejects_the_job_and_reaches_the_requester()
    {
        h.Discord.AddChannel(guildId: ModerationDiscordHarness.Guild, id: 1210000000000000001);
        var job = await h.EnqueueAsync();
        var admin = InteractionOrigin.Guild.AsAdmin() with { User = DiscordUserSpec.OtherUser };
        var token = await PressAsync(job, ReviewActions.Reject, admin);
        var modal = h.Discord.GetInteraction(token)!.Modal!;
        Assert.Equal($"eb:rejectwhy:{job.Id:N}", modal["custom_id"]!.GetValue<string>());

        var submit = h.Interaction(InteractionPayloads.ModalSubmit($"eb:rejectwhy:{job.Id:N}", [ModalField.TextInput("reason", "not in this channel")], admin));
        await Handle(submit);

        var rejected = (await h.Jobs.GetAsync(job.Id, CancellationToken.None))!;
        Assert.Equal(JobState.Rejected, rejected.State);
        Assert.Contains("❌ **Rejected** by", Assert.Single(h.Discord.MessagesIn(reviewChannel.Id)).Content, StringComparison.Ordinal);
        // No interaction token on this job: the requester hears in the channel, pinged.
        var notice = Assert.Single(h.Discord.MessagesIn(1210000000000000001), m => m.WebhookId is null);
        Assert.Contains("rejected by", notice.Content, StringComparison.Ordinal);
        Assert.Contains("not in this channel", notice.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_decision_is_refused_politely()
    {
        var job = await h.EnqueueAsync();
        await PressAsync(job, ReviewActions.Approve, InteractionOrigin.Guild.AsAdmin());
        var token = await PressAsync(job, ReviewActions.Approve, InteractionOrigin.Guild.AsAdmin());

        var fake = h.Discord.GetInteraction(token)!;
        Assert.Contains("no longer waiting for review (Queued)", fake.Callbacks[0]["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreviewed_request_expires_the_post_says_so_and_the_requester_is_told()
    {
        h.Discord.AddChannel(guildId: ModerationDiscordHarness.Guild, id: 1210000000000000001);
        var job = await h.EnqueueAsync();
        h.Time.Advance(TimeSpan.FromHours(24));

        Assert.Equal(1, await h.Get<ExpiredReviewSweeper>().SweepAsync(CancellationToken.None));

        var expired = (await h.Jobs.GetAsync(job.Id, CancellationToken.None))!;
        Assert.Equal(JobState.Rejected, expired.State);
        Assert.Contains("⌛ **Expired**", Assert.Single(h.Discord.MessagesIn(reviewChannel.Id)).Content, StringComparison.Ordinal);
        Assert.Contains("nobody reviewed it within 24 h", Assert.Single(h.Discord.MessagesIn(1210000000000000001)).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_review_post_is_made_after_the_grace_period()
    {
        await h.ConfigureAsync(s => s with { Review = s.Review with { ChannelId = 999 } });
        var job = await h.EnqueueAsync();
        Assert.Null(await h.Get<ReviewPostStore>().GetAsync(job.Id, CancellationToken.None));
        await h.ConfigureAsync(s => s with { Review = s.Review with { ChannelId = reviewChannel.Id } });

        var repost = ActivatorUtilities.CreateInstance<MissingReviewPostService>(h.Services);
        Assert.Equal(0, await repost.RepostAsync(CancellationToken.None));
        h.Time.Advance(MissingReviewPostService.Grace);
        Assert.Equal(1, await repost.RepostAsync(CancellationToken.None));
        Assert.Equal(0, await repost.RepostAsync(CancellationToken.None));
        Assert.Single(h.Discord.MessagesIn(reviewChannel.Id));
    }

    // Issue 11: one scan of the waiting requests. Before, a second service listed them again on the same interval (with
    // a cap of 1,000 beside the expiry's 10,000); now the review sweep itself hands each waiting request to the check.
    [Fact]
    public async Task The_review_sweep_posts_a_missing_review_post_in_the_same_scan_that_expires_requests()
    {
        await h.ConfigureAsync(s => s with { Review = s.Review with { ChannelId = 999 } });
        var job = await h.EnqueueAsync();
        await h.ConfigureAsync(s => s with { Review = s.Review with { ChannelId = reviewChannel.Id } });
        var sweeper = h.Get<ExpiredReviewSweeper>();

        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Empty(h.Discord.MessagesIn(reviewChannel.Id));
        h.Time.Advance(MissingReviewPostService.Grace);
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.NotNull(await h.Get<ReviewPostStore>().GetAsync(job.Id, CancellationToken.None));
        Assert.Single(h.Discord.MessagesIn(reviewChannel.Id));
    }

    private async Task<string> PressAsync(Job job, string action, InteractionOrigin origin)
    {
        var post = h.Discord.MessagesIn(reviewChannel.Id)[0];
        var interaction = h.Interaction(InteractionPayloads.ButtonClick(CustomId.ForJob(action, job.Id).ToString(), h.Discord.ToMessageJson(post), origin), post.Id);
        await Handle(interaction);
        return interaction.Token;
    }

    private Task Handle(EditBot.Discord.Models.Interaction interaction)
    {
        Assert.True(CustomId.TryParse(interaction.Data!.CustomId, out var id));
        return h.Get<ReviewButtonHandler>().HandleAsync(interaction, id, h.Responder(interaction), CancellationToken.None);
    }
}
