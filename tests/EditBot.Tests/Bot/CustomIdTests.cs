using EditBot.Bot.Components;

namespace EditBot.Tests.Bot;

public class CustomIdTests
{
    [Fact]
    public void Job_button_ids_round_trip_with_the_job_id()
    {
        var jobId = Guid.NewGuid();
        var text = CustomId.ForJob(CustomId.Reroll, jobId).ToString();

        Assert.Equal($"eb:reroll:{jobId:N}", text);
        Assert.True(CustomId.TryParse(text, out var parsed));
        Assert.Equal(CustomId.Reroll, parsed.Action);
        Assert.True(parsed.TryGetJobId(out var back));
        Assert.Equal(jobId, back);
        Assert.Null(parsed.Index);
    }

    [Fact]
    public void An_index_survives_the_round_trip()
    {
        var text = CustomId.ForJob(CustomId.Refine, Guid.NewGuid(), 9).ToString();

        Assert.True(CustomId.TryParse(text, out var parsed));
        Assert.Equal(9, parsed.Index);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("other:cancel:abc")]
    [InlineData("eb:cancel")]
    [InlineData("eb::abc")]
    [InlineData("eb:cancel:abc:x")]
    [InlineData("eb:cancel:abc:-1")]
    [InlineData("eb:a:b:1:2")]
    public void Foreign_or_malformed_ids_are_not_ours(string? text) =>
        Assert.False(CustomId.TryParse(text, out _));

    [Fact]
    public void Every_id_the_bot_builds_fits_in_100_characters()
    {
        var longest = new CustomId(CustomId.TargetModal, ulong.MaxValue.ToString(), int.MaxValue).ToString();
        Assert.True(longest.Length <= 100);
        foreach (var action in new[] { CustomId.Cancel, CustomId.Reroll, CustomId.EditThis, CustomId.Delete, CustomId.PickResult, CustomId.Refine })
        {
            Assert.True(CustomId.ForJob(action, Guid.NewGuid(), int.MaxValue).ToString().Length <= 100);
        }
    }

    [Fact]
    public void An_id_over_100_characters_is_refused_when_built() =>
        Assert.Throws<InvalidOperationException>(() => new CustomId("x", new string('k', 100)).ToString());

    [Fact]
    public void A_key_that_is_not_a_job_id_is_reported_as_such()
    {
        Assert.True(CustomId.TryParse("eb:cancel:nope", out var parsed));
        Assert.False(parsed.TryGetJobId(out _));
    }
}
