using EditBot.Tests.Support;
using EditBot.TestSupport.Gmi;

namespace EditBot.Tests.Cli;

/// <summary>The <c>edit</c> verb as an operator runs it: a child process against the fake GMI queue.</summary>
public sealed class EditVerbTests : IAsyncLifetime
{
    private readonly FakeGmiServer _gmi = new() { Duration = FakeGmiServer.OneSecond };
    private readonly string _folder = Directory.CreateTempSubdirectory("editbot-cli-").FullName;

    public Task InitializeAsync() => _gmi.StartAsync();

    public async Task DisposeAsync()
    {
        await _gmi.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_edit_without_a_mask_writes_the_images_and_exits_zero()
    {
        var image = await WriteAsync("in.jpg", TestImages.Jpeg(300, 200));

        var (exit, stdout, stderr) = await RunAsync(Environment(), "edit", "--image", image, "--prompt", "cli plain", "--count", "2", "--out", Path.Combine(_folder, "out"));

        Assert.True(exit == 0, stderr);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_folder, "out"), "edit-*.png").Length);
        Assert.Contains("1536x1024", stdout, StringComparison.Ordinal); // size auto follows the 3:2 input
        Assert.Contains("Done", stdout, StringComparison.Ordinal);
        Assert.Equal(1, _gmi.SubmissionsFor("cli plain"));
        Assert.False(System.Text.Json.Nodes.JsonNode.Parse(_gmi.FindByPrompt("cli plain")!.RawBody)!["payload"]!.AsObject().ContainsKey("mask"));
    }

    [Fact]
    public async Task An_edit_with_a_region_sends_a_mask_of_the_images_size()
    {
        var image = await WriteAsync("in.png", TestImages.Png(200, 200));

        var (exit, _, stderr) = await RunAsync(Environment(), "edit", "--image", image, "--prompt", "cli region", "--region", "top", "--out", Path.Combine(_folder, "out"));

        Assert.True(exit == 0, stderr);
        var sent = _gmi.FindByPrompt("cli region")!;
        Assert.Equal((sent.ImageFacts!.Width, sent.ImageFacts.Height), (sent.MaskFacts!.Width, sent.MaskFacts.Height));
        Assert.True(sent.MaskFacts.IsWhiteAt(0.5, 0.25), "the top half is white (edit)");
        Assert.False(sent.MaskFacts.IsWhiteAt(0.5, 0.75), "the bottom half is black (keep)");
    }

    [Fact]
    public async Task A_missing_api_key_stops_with_one_line_naming_it()
    {
        var image = await WriteAsync("in.png", TestImages.Png(20, 20));
        var environment = Environment();
        environment.Remove("Gmi__ApiKey");

        var (exit, _, stderr) = await RunAsync(environment, "edit", "--image", image, "--prompt", "p", "--out", _folder);

        Assert.Equal(2, exit);
        Assert.Equal(
            "EditBot cannot start: Gmi:ApiKey (your GMI Cloud API key) is not set. Set it in appsettings.json or as the environment variable Gmi__ApiKey.",
            stderr.Trim());
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_the_accepted_formats()
    {
        var text = await WriteAsync("notes.png", "just some text"u8.ToArray());

        var (exit, _, stderr) = await RunAsync(Environment(), "edit", "--image", text, "--prompt", "p", "--out", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("PNG, JPEG, WebP", stderr, StringComparison.Ordinal);
        Assert.Equal(0, _gmi.SubmitAttempts);
    }

    [Fact]
    public async Task A_failed_job_prints_one_line_with_the_reason_and_exits_non_zero()
    {
        _gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.FailWith("moderation_blocked: rejected by the safety system"));
        var image = await WriteAsync("in.png", TestImages.Png(40, 40));

        var (exit, _, stderr) = await RunAsync(Environment(), "edit", "--image", image, "--prompt", "cli blocked", "--out", _folder);

        Assert.Equal(1, exit);
        Assert.StartsWith("edit failed: ", stderr.Trim(), StringComparison.Ordinal);
        Assert.Contains("safety system", stderr, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Environment() =>
        EngineHostHarness.Settings(_gmi, _folder).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);

    private async Task<string> WriteAsync(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        await using var bot = BotProcess.Start(args, environment, _folder);
        var exit = await bot.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (exit, bot.StandardOutput, bot.StandardError);
    }
}
