using EditBot.Moderation;

namespace EditBot.Tests.Moderation;

public sealed class PromptNormalizerTests
{
    [Theory]
    [InlineData("BadWord", "badword")]
    [InlineData("ｂａｄ", "bad")]
    [InlineData("𝐛𝐚𝐝", "bad")]
    [InlineData("ⓑⓐⓓ", "bad")]
    [InlineData("bád wörd", "bad word")]
    [InlineData("ba\u0301d", "bad")]
    [InlineData("b\u200Ba\u200Dd\u00AD", "bad")]
    [InlineData("bаd", "bad")] // Cyrillic а
    [InlineData("ΒΑD", "bad")] // Greek capitals
    [InlineData("οrаnge", "orange")] // Greek ο, Cyrillic а
    [InlineData("ﬁsh", "fish")]
    [InlineData("Straße", "strasse")]
    public void Folds_case_width_diacritics_invisible_and_look_alike_characters(string input, string expected)
    {
        Assert.Equal(expected, PromptNormalizer.Normalize(input));
    }

    [Fact]
    public void A_capital_I_inside_a_lower_case_word_is_marked_as_I_or_l()
    {
        Assert.Equal("he||o", PromptNormalizer.Normalize("heIIo"));
        Assert.Equal("hello ill", PromptNormalizer.Normalize("Hello ILL"));
    }

    [Fact]
    public void Digits_symbols_and_other_scripts_are_kept()
    {
        Assert.Equal("draw 4 cats @ 2024 — 猫", PromptNormalizer.Normalize("Draw 4 cats @ 2024 — 猫"));
    }
}
