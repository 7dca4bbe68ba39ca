using EditBot.Bot.Entry;

namespace EditBot.Tests.Bot;

public class MentionParserTests
{
    private const ulong Bot = 123456789012345678;

    [Theory]
    [InlineData("<@123456789012345678> make it night", "make it night")]
    [InlineData("<@!123456789012345678> make it night", "make it night")]
    [InlineData("make it <@123456789012345678> night", "make it night")]
    [InlineData("  <@123456789012345678>   darker sky  ", "darker sky")]
    public void The_prompt_is_the_text_without_the_bot_mention(string content, string prompt)
    {
        Assert.True(MentionParser.TryExtractPrompt(content, Bot, out var parsed));
        Assert.Equal(prompt, parsed);
    }

    [Fact]
    public void Mentions_of_other_people_stay_in_the_prompt()
    {
        Assert.True(MentionParser.TryExtractPrompt("<@123456789012345678> add <@42> to the picture", Bot, out var parsed));
        Assert.Equal("add <@42> to the picture", parsed);
    }

    [Theory]
    [InlineData("<@42> hello")]
    [InlineData("no mention at all")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_without_the_bot_mention_is_not_for_the_bot(string? content) =>
        Assert.False(MentionParser.TryExtractPrompt(content, Bot, out _));

    [Fact]
    public void A_bare_mention_gives_an_empty_prompt()
    {
        Assert.True(MentionParser.TryExtractPrompt("<@123456789012345678>", Bot, out var parsed));
        Assert.Equal("", parsed);
    }
}
