using EditBot.Imaging.Decoding;
using EditBot.Imaging.Intake;
using Microsoft.Extensions.Options;

namespace EditBot.Imaging.Tests;

internal static class IntakeFactory
{
    public static ImageIntake Create(Action<ImagingOptions>? configure = null)
    {
        var options = new ImagingOptions();
        configure?.Invoke(options);
        var configured = Options.Create(options);
        return new ImageIntake(configured, new PixelBudget(configured));
    }

    public static PreparedEdit Accepted(IntakeResult result)
    {
        if (result is ImageRejection rejection)
        {
            Assert.Fail($"expected the input to be accepted, got {rejection.Code}: {rejection.Message}");
        }

        return Assert.IsType<PreparedEdit>(result);
    }

    public static ImageRejection Rejected(IntakeResult result, RejectionCode code)
    {
        var rejection = Assert.IsType<ImageRejection>(result);
        Assert.Equal(code, rejection.Code);
        return rejection;
    }
}
