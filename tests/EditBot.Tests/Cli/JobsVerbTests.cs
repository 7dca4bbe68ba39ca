using System.Text.RegularExpressions;
using EditBot.Tests.Support;
using EditBot.TestSupport.Gmi;

namespace EditBot.Tests.Cli;

/// <summary>
/// <c>EditBot jobs</c> as an operator runs it: an edit not sent again after a lost submit is listed, sent again only on
/// <c>jobs retry</c>, and then finished by <c>work --until-idle</c>.
/// </summary>
public sealed partial class JobsVerbTests : IAsyncLifetime
{
    private readonly FakeGmiServer _gmi = new() { ListPageSize = 0, Duration = FakeGmiServer.OneSecond }; // a list that can rule nothing out
    private readonly string _folder = Directory.CreateTempSubdirectory("editbot-jobs-").FullName;

    public Task InitializeAsync() => _gmi.StartAsync();

    public async Task DisposeAsync()
    {
        await _gmi.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_uncertain_edit_is_listed_sent_again_only_on_retry_and_then_finished_by_work()
    {
        var image = Path.Combine(_folder, "in.png");
        await File.WriteAllBytesAsync(image, TestImages.Png(64, 64));
        var output = Path.Combine(_folder, "out");
        _gmi.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());

        var edit = await RunAsync("edit", "--image", image, "--prompt", "cli uncertain", "--out", output);
        var listed = await RunAsync("jobs", "uncertain");
        var id = JobId().Match(listed.Stdout).Value;
        Assert.Equal(1, _gmi.SubmissionsFor("cli uncertain")); // not sent again on its own
        var wrong = await RunAsync("jobs", "retry", "not-a-guid");
        var retry = await RunAsync("jobs", "retry", id);
        var work = await RunAsync("work", "--until-idle");

        Assert.NotEqual(0, edit.Exit);
        Assert.Contains("it was not sent again", edit.Stdout + edit.Stderr, StringComparison.Ordinal);
        Assert.Contains("cli uncertain", listed.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("is not a job id", wrong.Stderr, StringComparison.Ordinal);
        Assert.True(retry.Exit == 0, retry.Stderr);
        Assert.True(work.Exit == 0, work.Stderr);
        Assert.Equal(2, _gmi.SubmissionsFor("cli uncertain"));
        Assert.Single(Directory.GetFiles(output, "edit-*.png"));
        var again = await RunAsync("jobs", "retry", id);
        Assert.Equal(1, again.Exit); // done now: nothing to decide
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex JobId();

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var environment = EngineHostHarness.Settings(_gmi, _folder).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
        await using var process = BotProcess.Start(args, environment, _folder);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (exit, process.StandardOutput, process.StandardError);
    }
}
