using EditBot.Discord.Models;
using EditBot.Discord.Tests.Support;
using EditBot.TestSupport.Discord;

namespace EditBot.Discord.Tests.RateLimits;

/// <summary>Discord puts some routes in one bucket (same X-RateLimit-Bucket hash): a request on one uses up the other.</summary>
public sealed class SharedBucketTests
{
    private const string EditRoute = "PATCH /channels/{channel_id}/messages/{message_id}";
    private const string DeleteRoute = "DELETE /channels/{channel_id}/messages/{message_id}";

    [Fact]
    public async Task Requests_on_a_route_that_turns_out_to_share_a_bucket_count_against_the_shared_bucket()
    {
        // Edits and deletes share 3 per 2 s here. The first delete reveals the shared hash with Remaining 0: the
        // limiter must carry that into the bucket the edits use, or the next edit goes and draws a 429.
        await using var h = await DiscordRestHarness.StartAsync(f => f.ShareRateLimitBucket("edit-delete", 3, TimeSpan.FromSeconds(2), EditRoute, DeleteRoute));
        var channel = h.Fake.AddChannel();
        var messages = Enumerable.Range(0, 3).Select(i => h.Fake.AddMessage(channel.Id, $"m{i}", byBot: true)).ToList();

        await h.Rest.EditMessageAsync(channel.Id, messages[0].Id, new MessageBody { Content = "edited 0" }, cancellationToken: Cancel.After(30));
        await h.Rest.EditMessageAsync(channel.Id, messages[1].Id, new MessageBody { Content = "edited 1" }, cancellationToken: Cancel.After(30));
        await h.Rest.DeleteMessageAsync(channel.Id, messages[2].Id, Cancel.After(30));
        await h.Rest.EditMessageAsync(channel.Id, messages[0].Id, new MessageBody { Content = "edited again" }, cancellationToken: Cancel.After(30));

        Assert.Empty(h.Fake.RateLimitAnswers);
        Assert.Equal("edited again", h.Fake.GetMessage(messages[0].Id)!.Content);
    }

    [Fact]
    public async Task Both_thread_routes_answer_one_bucket_hash_with_Discords_five_per_five_seconds()
    {
        await using var h = await DiscordRestHarness.StartAsync();
        var fromMessage = h.Fake.RateLimitRule("POST /channels/{channel_id}/messages/{message_id}/threads");
        var forum = h.Fake.RateLimitRule("POST /channels/{channel_id}/threads");

        Assert.Equal(fromMessage, forum);
        Assert.Equal((5, TimeSpan.FromSeconds(5)), (fromMessage.Limit, fromMessage.Window));
        Assert.Equal((5, TimeSpan.FromSeconds(5)), (h.Fake.RateLimitRule("POST /channels/{channel_id}/messages").Limit, h.Fake.RateLimitRule("POST /channels/{channel_id}/messages").Window));
    }
}
