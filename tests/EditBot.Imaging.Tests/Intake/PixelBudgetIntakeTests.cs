using EditBot.Imaging.Decoding;
using EditBot.Imaging.Intake;
using EditBot.Imaging.Tests.Corpus;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace EditBot.Imaging.Tests.Intake;

public sealed class PixelBudgetIntakeTests
{
    private const long OneImage = 1000 * 1000;

    // Long side over MaxLongSide, so every preparation decodes (no pass-through).
    private readonly byte[] _image = TestImages.Solid(1000, 1000, SKColors.Teal);

    private static (ImageIntake Intake, PixelBudget Budget) Create(long budgetPixels)
    {
        var options = Options.Create(new ImagingOptions { MaxPixels = OneImage, MaxConcurrentPixels = budgetPixels, MaxLongSide = 256 });
        var budget = new PixelBudget(options);
        return (new ImageIntake(options, budget), budget);
    }

    [Fact]
    public async Task Two_preparations_whose_pixels_together_exceed_the_budget_do_not_decode_at_the_same_time()
    {
        var (intake, budget) = Create(budgetPixels: OneImage * 3 / 2);
        var gate = new object();
        long decodedNow = 0, mostDecodedAtOnce = 0;
        var decodes = 0;
        var firstDecoded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDecodedOrWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        intake.WhileDecoded = async pixels =>
        {
            lock (gate)
            {
                decodedNow += pixels;
                mostDecodedAtOnce = Math.Max(mostDecodedAtOnce, decodedNow);
            }

            if (Interlocked.Increment(ref decodes) == 1)
            {
                firstDecoded.SetResult();
                await releaseFirst.Task; // the first holds its decoded bitmap until the second has shown what it does
            }
            else
            {
                secondDecodedOrWaiting.TrySetResult();
            }

            lock (gate)
            {
                decodedNow -= pixels;
            }
        };
        budget.Waiting = _ => secondDecodedOrWaiting.TrySetResult();

        var first = Task.Run(() => intake.PrepareAsync(_image));
        await firstDecoded.Task;
        var second = Task.Run(() => intake.PrepareAsync(_image));
        await secondDecodedOrWaiting.Task; // it decodes beside the first, or queues for pixels: whichever comes
        releaseFirst.SetResult();
        IntakeFactory.Accepted(await first);
        IntakeFactory.Accepted(await second);

        Assert.Equal(2, decodes);
        Assert.Equal(OneImage, mostDecodedAtOnce);
    }

    [Fact]
    public async Task An_image_and_its_mask_each_as_large_as_the_whole_budget_are_decoded_one_after_the_other()
    {
        var (intake, _) = Create(budgetPixels: OneImage);

        var edit = IntakeFactory.Accepted(await intake.PrepareAsync(_image, TestImages.Solid(1000, 1000, SKColors.White)));

        Assert.Equal((256, 256), (edit.Width, edit.Height));
        Assert.NotNull(edit.Mask);
    }
}
