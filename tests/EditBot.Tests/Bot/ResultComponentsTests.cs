using EditBot.Bot.Components;
using EditBot.Bot.Delivery;
using EditBot.Imaging.Packaging;

namespace EditBot.Tests.Bot;

public class ResultComponentsTests
{
    private static PackagedFile File(string name) => new(name, "image/png", new byte[] { 1 }, false);

    [Fact]
    public void Result_indexes_come_from_the_packaged_names_and_skip_the_contact_sheet()
    {
        var message = new PackagedMessage([File("edit-sheet.jpg"), File("edit-1.png"), File("edit-3.webp")], []);
        Assert.Equal([0, 2], ResultComponents.ResultIndexes(message));
    }

    [Fact]
    public void Buttons_carry_the_job_id_and_edit_region_and_delete_are_left_out_of_private_results()
    {
        var jobId = Guid.NewGuid();
        var publicRow = Assert.Single(ResultComponents.Buttons(jobId, canDelete: true));
        var privateRow = Assert.Single(ResultComponents.Buttons(jobId, canDelete: false));

        Assert.Equal(
            [
                CustomId.ForJob(CustomId.Reroll, jobId).ToString(), CustomId.ForJob(CustomId.EditThis, jobId).ToString(),
                CustomId.ForJob(CustomId.EditRegion, jobId).ToString(), CustomId.ForJob(CustomId.Delete, jobId).ToString(),
            ],
            publicRow.Components!.Select(c => c.CustomId));
        Assert.Equal(2, privateRow.Components!.Count);
    }

    [Fact]
    public void Spoiler_results_get_the_spoiler_prefix() =>
        Assert.Equal("SPOILER_edit-1.png", ResultComponents.FileName(File("edit-1.png"), spoiler: true));
}
