using EditBot.Bot;
using EditBot.Bot.Intake;

namespace EditBot.Tests.Bot;

public class IntakeRulesTests
{
    private static EditInput Input(string prompt = "make it night") =>
        new() { Image = ImageSource.FromBlob("blob"), Prompt = prompt };

    [Fact]
    public void A_prompt_over_the_limit_is_refused_with_its_length_and_the_limit()
    {
        var message = EditInputRules.Check(Input(new string('a', 4001)), 4000);
        Assert.Equal("Your prompt is 4001 characters long; the limit is 4000. Shorten it and try again.", message);
    }

    [Fact]
    public void A_prompt_at_the_limit_is_fine() => Assert.Null(EditInputRules.Check(Input(new string('a', 4000)), 4000));

    [Fact]
    public void An_empty_prompt_asks_what_to_change() =>
        Assert.Contains("prompt is empty", EditInputRules.Check(Input("   "), 4000));

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Count_outside_1_to_10_is_refused(int count) =>
        Assert.Equal("count must be between 1 and 10.", EditInputRules.Check(Input() with { Count = count }, 4000));

    [Fact]
    public void An_unknown_size_lists_the_choices() =>
        Assert.Contains("auto, 1024x1024", EditInputRules.Check(Input() with { Size = "800x600" }, 4000));

    [Fact]
    public void A_box_outside_the_image_is_explained() =>
        Assert.Contains("x,y,w,h in percent", EditInputRules.Check(Input() with { Box = "80,80,50,50" }, 4000));

    [Fact]
    public void A_region_and_a_box_together_are_refused() =>
        Assert.Contains("not both", EditInputRules.Check(Input() with { Region = "top", Box = "0,0,10,10" }, 4000));

    [Fact]
    public void A_region_preset_becomes_a_region()
    {
        Assert.True(EditInputRules.TryRegion(Input() with { Region = "top" }, out var region, out _));
        Assert.Equal(EditBot.Imaging.Masks.RegionPreset.Top, region!.Preset);
        Assert.True(EditInputRules.TryRegion(Input(), out var none, out _));
        Assert.Null(none);
    }

    [Fact]
    public void Under_both_limits_a_new_job_is_allowed() =>
        Assert.Null(UserLimits.Evaluate(running: 2, waiting: 4, new BotExperienceOptions()));

    [Fact]
    public void A_full_queue_share_is_refused_with_the_limit_and_what_to_do()
    {
        var message = UserLimits.Evaluate(running: 0, waiting: 5, new BotExperienceOptions());
        Assert.Equal("You already have 5 edits waiting in line (at most 5 per person). Wait for one to start, or cancel one with `/editbot cancel`.", message);
    }

    [Fact]
    public void Configured_limits_are_used()
    {
        var options = new BotExperienceOptions { MaxRunningPerUser = 1, MaxQueuedPerUser = 1 };
        Assert.NotNull(UserLimits.Evaluate(running: 0, waiting: 1, options));
        Assert.Null(UserLimits.Evaluate(running: 1, waiting: 0, options));
    }

    [Fact]
    public void More_running_than_allowed_uses_up_the_queue_share()
    {
        var message = UserLimits.Evaluate(running: 3, waiting: 4, new BotExperienceOptions());
        Assert.Contains("at most 2 running and 5 waiting", message);
    }
}
