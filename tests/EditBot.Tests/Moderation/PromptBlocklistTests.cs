using EditBot.Moderation;

namespace EditBot.Tests.Moderation;

public sealed class PromptBlocklistTests
{
    private static readonly DateTimeOffset Added = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static PromptBlocklist Words(params string[] words) =>
        PromptBlocklist.Compile(words.Select(w => new BlocklistEntry(BlocklistEntryKind.Word, w, 1, Added)), TimeSpan.FromSeconds(1));

    [Theory]
    [InlineData("a BADWORD in the sky")] // case
    [InlineData("b a d w o r d")] // spacing
    [InlineData("b.a.d.w.o.r.d")] // punctuation
    [InlineData("b-a-d-w-o-r-d please")]
    [InlineData("paint a b a d w o r d on the wall")] // spelled out after a real one-letter word
    [InlineData("bad\u200Bword")] // zero-width space
    [InlineData("b\u00ADadw\u2060ord")] // soft hyphen, word joiner
    [InlineData("bádwórd")] // diacritics
    [InlineData("bа\u0064wоrd")] // Cyrillic а and о
    [InlineData("ΒΑDWΟRD")] // Greek capitals
    [InlineData("ｂａｄｗｏｒｄ")] // fullwidth
    [InlineData("𝐛𝐚𝐝𝐰𝐨𝐫𝐝")] // mathematical bold
    [InlineData("b4dw0rd")] // leetspeak
    [InlineData("b@dword!")]
    [InlineData("b 4 d w 0 r d")]
    public void Evasions_of_a_blocked_word_are_caught(string prompt)
    {
        var match = Words("badword").FindMatch(prompt);

        Assert.NotNull(match);
        Assert.Equal("Your prompt matches the server's blocklist entry “badword”.", match.Message);
    }

    [Theory]
    [InlineData("a classic class photo")]
    [InlineData("my assistant at the embassy")]
    [InlineData("passage through the grass")]
    public void Words_that_merely_contain_a_blocked_word_are_not_caught(string prompt)
    {
        Assert.Null(Words("ass").FindMatch(prompt));
    }

    [Theory]
    [InlineData("hello there")]
    [InlineData("a sea shell on the shore")]
    [InlineData("he'll paint the sky")]
    [InlineData("a heli pad")]
    [InlineData("Hellenic temple")]
    public void Ordinary_words_near_a_blocked_word_are_not_caught(string prompt)
    {
        Assert.Null(Words("hell").FindMatch(prompt));
    }

    [Theory]
    [InlineData("go to hell")]
    [InlineData("HELL!")]
    [InlineData("h3ll")]
    [InlineData("heII on earth")] // capital I for l
    [InlineData("h e l l")]
    [InlineData("hеll")] // Cyrillic е
    public void The_blocked_word_itself_is_caught_in_many_spellings(string prompt)
    {
        Assert.NotNull(Words("hell").FindMatch(prompt));
    }

    [Theory]
    [InlineData("@ss")]
    [InlineData("a$$")]
    [InlineData("what an A S S")]
    public void Leetspeak_symbols_stand_for_letters(string prompt)
    {
        Assert.NotNull(Words("ass").FindMatch(prompt));
    }

    [Fact]
    public void Numbers_are_not_read_as_letters()
    {
        Assert.Null(Words("ass").FindMatch("draw 455 apples"));
        Assert.Null(Words("bad").FindMatch("room 8 4 d"));
    }

    [Fact]
    public void Long_runs_of_separators_and_symbols_are_checked_without_timing_out()
    {
        var prompt = "b" + new string('@', 50_000) + " " + string.Concat(Enumerable.Repeat("b . ", 10_000)) + "x";

        Assert.Null(Words("bad", "bad word").FindMatch(prompt));
    }

    [Fact]
    public void A_number_entry_matches_numbers()
    {
        Assert.NotNull(Words("1488").FindMatch("a sign saying 1488"));
        Assert.Null(Words("1488").FindMatch("a sign saying 14880"));
    }

    [Fact]
    public void A_regular_expression_that_runs_too_long_refuses_the_prompt_and_says_so()
    {
        var entry = new BlocklistEntry(BlocklistEntryKind.Regex, "(?=^(a+)+$)x", 1, Added);
        var blocklist = PromptBlocklist.Compile([entry], TimeSpan.FromMilliseconds(20));

        var match = blocklist.FindMatch(new string('a', 40) + "!");

        Assert.True(match?.TimedOut);
        Assert.Equal("Your prompt could not be checked against the server's blocklist entry “(?=^(a+)+$)x” in time; ask a server admin to simplify that entry.", match!.Message);
    }

    [Fact]
    public void A_phrase_matches_with_any_spacing_between_its_words()
    {
        var blocklist = Words("red panda");

        Assert.NotNull(blocklist.FindMatch("a RED   panda"));
        Assert.NotNull(blocklist.FindMatch("a redpanda"));
        Assert.NotNull(blocklist.FindMatch("a red-panda"));
        Assert.Null(blocklist.FindMatch("a red bear and a panda"));
    }

    [Fact]
    public void Words_of_scripts_without_spaces_match_inside_text()
    {
        Assert.NotNull(Words("猫").FindMatch("一只黑猫在屋顶上"));
    }

    [Fact]
    public void The_first_matching_entry_is_named()
    {
        var match = Words("tiger", "lion").FindMatch("a lion and a tiger");

        Assert.Equal("tiger", match?.Entry.Pattern);
    }

    [Fact]
    public void Regex_entries_run_against_the_normalized_prompt_and_its_leetspeak_reading()
    {
        var blocklist = PromptBlocklist.Compile([new BlocklistEntry(BlocklistEntryKind.Regex, @"\bbl(oo|u)d\b", 1, Added)], TimeSpan.FromSeconds(1));

        Assert.NotNull(blocklist.FindMatch("BLOOD everywhere"));
        Assert.NotNull(blocklist.FindMatch("bl00d"));
        Assert.NotNull(blocklist.FindMatch("blооd")); // Cyrillic о
        Assert.Equal("Your prompt matches the server's blocklist entry “\\bbl(oo|u)d\\b”.", blocklist.FindMatch("blud")?.Message);
        Assert.Null(blocklist.FindMatch("bloody mary cocktail"));
    }

    [Fact]
    public void Regex_entries_see_a_1_both_as_i_and_as_l()
    {
        var blocklist = PromptBlocklist.Compile([new BlocklistEntry(BlocklistEntryKind.Regex, @"\bkill\b", 1, Added)], TimeSpan.FromSeconds(1));

        Assert.NotNull(blocklist.FindMatch("ki11 it"));
        Assert.NotNull(blocklist.FindMatch("k1ll it"));
        Assert.Null(blocklist.FindMatch("skill 11"));
    }

    [Fact]
    public void Regex_entries_with_look_arounds_still_work_through_the_backtracking_engine()
    {
        var blocklist = PromptBlocklist.Compile([new BlocklistEntry(BlocklistEntryKind.Regex, @"gun(?!\s*metal)", 1, Added)], TimeSpan.FromSeconds(1));

        Assert.NotNull(blocklist.FindMatch("a gun on the table"));
        Assert.Null(blocklist.FindMatch("a gunmetal grey car"));
    }

    [Fact]
    public void An_empty_blocklist_matches_nothing()
    {
        Assert.Null(PromptBlocklist.Empty.FindMatch("anything at all"));
    }
}
