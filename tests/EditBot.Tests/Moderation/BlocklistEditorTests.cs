using EditBot.Moderation;

namespace EditBot.Tests.Moderation;

public sealed class BlocklistEditorTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Adding_a_word_records_who_and_when()
    {
        var update = BlocklistEditor.Add(GuildSettings.Default, BlocklistEntryKind.Word, "  badword ", 42, At);

        Assert.True(update.Saved);
        Assert.Equal(new BlocklistEntry(BlocklistEntryKind.Word, "badword", 42, At), Assert.Single(update.Settings.Blocklist));
    }

    [Fact]
    public void A_bad_regular_expression_is_refused_when_added_with_the_parser_message()
    {
        var update = BlocklistEditor.Add(GuildSettings.Default, BlocklistEntryKind.Regex, "(unclosed", 42, At);

        Assert.False(update.Saved);
        Assert.Empty(update.Settings.Blocklist);
        Assert.StartsWith("“(unclosed” is not a valid regular expression: ", update.Problem);
        Assert.Contains("(unclosed", update.Problem![40..]);
    }

    [Theory]
    [InlineData("a*")]
    [InlineData("x?|y")]
    public void A_regular_expression_matching_empty_text_is_refused(string pattern)
    {
        var update = BlocklistEditor.Add(GuildSettings.Default, BlocklistEntryKind.Regex, pattern, 42, At);

        Assert.Equal($"“{pattern}” matches empty text, so it would block every prompt; make it more specific.", update.Problem);
    }

    [Theory]
    [InlineData("", "The entry is empty.")]
    [InlineData("  --- ", "“---” has no letters or digits to match.")]
    public void Empty_words_are_refused(string word, string problem)
    {
        Assert.Equal(problem, BlocklistEditor.Add(GuildSettings.Default, BlocklistEntryKind.Word, word, 42, At).Problem);
    }

    [Fact]
    public void Duplicates_and_overlong_entries_are_refused()
    {
        var settings = BlocklistEditor.Add(GuildSettings.Default, BlocklistEntryKind.Word, "tiger", 42, At).Settings;

        Assert.Equal("“TIGER” is already on the blocklist.", BlocklistEditor.Add(settings, BlocklistEntryKind.Word, "TIGER", 42, At).Problem);
        Assert.Equal("Entries are limited to 200 characters.", BlocklistEditor.Add(settings, BlocklistEntryKind.Word, new string('x', 201), 42, At).Problem);
    }

    [Fact]
    public void Removing_takes_the_entry_out_and_unknown_entries_are_reported()
    {
        var settings = BlocklistEditor.Add(GuildSettings.Default, BlocklistEntryKind.Word, "tiger", 42, At).Settings;

        Assert.Empty(BlocklistEditor.Remove(settings, "Tiger").Settings.Blocklist);
        Assert.Equal("“lion” is not on the blocklist.", BlocklistEditor.Remove(settings, "lion").Problem);
    }
}
