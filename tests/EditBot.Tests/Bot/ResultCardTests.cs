using EditBot.Bot.Components;
using EditBot.Bot.Delivery;
using EditBot.Core.Jobs;
using EditBot.Discord.Models;
using EditBot.Imaging.Packaging;

namespace EditBot.Tests.Bot;

public class ResultCardTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static Job Job(string prompt = "make the sky purple", string? mask = null) => new()
    {
        Id = Guid.NewGuid(),
        State = JobState.Delivering,
        Request = new EditRequest(prompt, "blob", mask, "1536x1024", "high", 4),
        Origin = new JobOrigin("discord", "discord:1", null, "{}"),
        CreatedAt = Start,
        UpdatedAt = Start,
    };

    private static PackagedFile File(string name) => new(name, "image/png", new byte[] { 1 }, false);

    private static PackagedMessage FourWithSheet() =>
        new([File("edit-sheet.jpg"), File("edit-1.png"), File("edit-2.png"), File("edit-3.png"), File("edit-4.png")], ["edit-2.png was 12 MB: sent as JPEG."]);

    [Fact]
    public void One_container_holds_a_gallery_of_every_file_the_text_and_the_buttons()
    {
        var job = Job();
        var card = Assert.Single(ResultCard.Build(job, 42, FourWithSheet(), spoilers: false, ResultComponents.Buttons(job.Id, canDelete: true), null, null, 0, 1));

        Assert.Equal(ComponentType.Container, card.Type);
        Assert.Equal([ComponentType.MediaGallery, ComponentType.TextDisplay, ComponentType.ActionRow], card.Components!.Select(c => c.Type));
        var gallery = card.Components![0];
        Assert.Equal(["attachment://edit-sheet.jpg", "attachment://edit-1.png", "attachment://edit-2.png", "attachment://edit-3.png", "attachment://edit-4.png"],
            gallery.Items!.Select(i => i.Media.Url));
        Assert.Equal(["All 4 results side by side", "Result 1 of 4", "Result 2 of 4", "Result 3 of 4", "Result 4 of 4"], gallery.Items!.Select(i => i.Description));
        Assert.All(gallery.Items!, i => Assert.Null(i.Spoiler));
        Assert.Equal(
            "**“make the sky purple”**\n-# 4 images · 1536x1024 · quality high · asked by <@42>\n-# edit-2.png was 12 MB: sent as JPEG.",
            card.Components[1].Content);
        Assert.Contains(CustomId.ForJob(CustomId.Reroll, job.Id).ToString(), card.Components[2].Components!.Select(b => b.CustomId));
    }

    [Fact]
    public void Spoilers_set_every_gallery_items_flag_and_keep_the_spoiler_file_names()
    {
        var job = Job();
        var card = Assert.Single(ResultCard.Build(job, 42, FourWithSheet(), spoilers: true, [], null, null, 0, 1));

        var gallery = card.Components![0];
        Assert.All(gallery.Items!, i => Assert.True(i.Spoiler));
        Assert.All(gallery.Items!, i => Assert.StartsWith("attachment://SPOILER_edit-", i.Media.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void The_lead_the_reason_the_mask_and_the_part_are_in_the_text()
    {
        var job = Job(mask: "mask-blob");
        var card = Assert.Single(ResultCard.Build(job, 42, new PackagedMessage([File("edit-3.png")], []), false, [], "<@42>", "The thread is locked.", 1, 2));

        Assert.Equal("<@42>\n**“make the sky purple”**\n-# 4 images · 1536x1024 · quality high · masked · asked by <@42> · part 2 of 2\nThe thread is locked.",
            card.Components![1].Content);
    }

    [Fact]
    public void Markdown_links_and_mentions_in_the_prompt_are_shown_as_typed_and_ping_nobody()
    {
        var card = Assert.Single(ResultCard.Build(Job("**bold** <@1> @everyone `code` [free](https://x.example)"), 42, FourWithSheet(), false, [], null, null, 0, 1));

        Assert.StartsWith("**“\\*\\*bold\\*\\* <@\u200b1> @\u200beveryone \\`code\\` \\[free\\](https://x.example)”**\n", card.Components![1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_left_with_notes_only_has_no_gallery_and_a_long_prompt_keeps_the_text_under_discords_limit()
    {
        var card = Assert.Single(ResultCard.Build(Job(new string('x', 5000)), 42, new PackagedMessage([], ["edit-1.png could not be made smaller."]), false, [], null, null, 0, 1));

        var text = Assert.Single(card.Components!);
        Assert.Equal(ComponentType.TextDisplay, text.Type);
        Assert.InRange(text.Content!.Length, 1, ResultCard.MaxText);
        Assert.Contains("…”**", text.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_counts_its_nested_components_as_discord_does()
    {
        var job = Job();
        var card = ResultCard.Build(job, 42, FourWithSheet(), false, ResultComponents.Buttons(job.Id, canDelete: true), null, null, 0, 1);

        // Container, gallery, text, row and four buttons.
        Assert.Equal(8, ResultCard.Count(card));
    }
}
