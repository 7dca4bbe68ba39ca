using EditBot.CommandLine;
using EditBot.Verbs;

namespace EditBot.Tests.Cli;

public sealed class EditArgumentsTests : IDisposable
{
    private readonly string _image = Path.GetTempFileName();

    public void Dispose() => File.Delete(_image);

    [Fact]
    public void Minimal_arguments_take_the_documented_defaults()
    {
        var parsed = EditArguments.TryParse(["--image", _image, "--prompt", "a red hat", "--out", "o"], out var error);

        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(("auto", "medium", 1), (parsed.Size, parsed.Quality, parsed.Count));
    }

    [Theory]
    [InlineData("--size", "800x600", "--size must be one of auto, 1024x1024, 1024x1536, 1536x1024 (got '800x600')")]
    [InlineData("--quality", "ultra", "--quality must be one of low, medium, high, auto (got 'ultra')")]
    [InlineData("--count", "11", "--count must be a whole number from 1 to 10 (got '11')")]
    [InlineData("--count", "-1", "--count must be a whole number from 1 to 10 (got '-1')")]
    [InlineData("--region", "middle", "--region must be one of full, top, bottom, left, right, center (got 'middle')")]
    [InlineData("--colour", "red", "unknown option --colour")]
    public void Bad_values_are_refused_with_a_message_naming_the_option(string name, string value, string expected)
    {
        var parsed = EditArguments.TryParse(["--image", _image, "--prompt", "p", "--out", "o", name, value], out var error);

        Assert.Null(parsed);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_missing_image_file_is_named()
    {
        EditArguments.TryParse(["--image", "/nope/x.png", "--prompt", "p", "--out", "o"], out var error);

        Assert.Equal("the image file '/nope/x.png' does not exist", error);
    }

    [Fact]
    public void Prompt_is_required()
    {
        EditArguments.TryParse(["--image", _image, "--out", "o"], out var error);

        Assert.Equal("--prompt is required", error);
    }

    [Fact]
    public void Mask_and_region_together_are_refused()
    {
        EditArguments.TryParse(["--image", _image, "--prompt", "p", "--out", "o", "--mask", _image, "--region", "top"], out var error);

        Assert.Equal("give at most one of --mask, --region and --box", error);
    }

    [Fact]
    public void A_dangling_option_is_refused()
    {
        EditArguments.TryParse(["--image", _image, "--prompt"], out var error);

        Assert.Equal("unexpected '--prompt': every option is --name value", error);
    }
}
