using EditBot.Tests.Support;
using EditBot.TestSupport.Gmi;

namespace EditBot.Tests.Engine;

/// <summary>
/// The engine in a child process is killed with SIGKILL while a job sits in one step, then a new process on the
/// same SQLite file finishes it. The fake queue counts accepted submissions: exactly one per job, always.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly FakeGmiServer _gmi = new() { Duration = FakeGmiServer.OneSecond };
    private readonly string _folder = Directory.CreateTempSubdirectory("editbot-crash-").FullName;

    public Task InitializeAsync() => _gmi.StartAsync();

    public async Task DisposeAsync()
    {
        await _gmi.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public Task Killed_while_preparing_the_job_ends_done_with_one_submission() =>
        KillAndRecoverAsync("killed while preparing", _gmi.UploadHold, () => _gmi.UploadHold.WaitForArrivalAsync(CancellationToken.None));

    [Fact]
    public Task Killed_while_submitting_the_job_is_reconciled_not_paid_twice() =>
        KillAndRecoverAsync("killed while submitting", _gmi.SubmitHold, () => _gmi.SubmitHold.WaitForArrivalAsync(CancellationToken.None));

    [Fact]
    public Task Killed_while_polling_the_job_ends_done_with_one_submission()
    {
        _gmi.Duration = _ => TimeSpan.FromSeconds(4);
        return KillAndRecoverAsync("killed while polling", hold: null, async () =>
        {
            // Polling has begun once the child has asked for the request's status.
            while (!_gmi.Log.Any(l => l.Method == "GET" && l.PathAndQuery.Contains("/requests/", StringComparison.Ordinal)))
            {
                await Task.Delay(20);
            }
        });
    }

    [Fact]
    public Task Killed_while_fetching_the_job_ends_done_with_one_submission() =>
        KillAndRecoverAsync("killed while fetching", _gmi.MediaHold, () => _gmi.MediaHold.WaitForArrivalAsync(CancellationToken.None));

    private async Task KillAndRecoverAsync(string prompt, FakeGmiGate? hold, Func<Task> waitUntilInStep)
    {
        var image = Path.Combine(_folder, "in.png");
        await File.WriteAllBytesAsync(image, TestImages.Png(96, 64));
        var output = Path.Combine(_folder, "out");
        var environment = EngineHostHarness.Settings(_gmi, _folder).ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
        environment["Gmi__InlineLimitBytes"] = "1"; // every input goes through upload-url, so Preparing talks to the queue
        hold?.Close();

        await using (var first = BotProcess.Start(["edit", "--image", image, "--prompt", prompt, "--quality", "low", "--out", output], environment, _folder))
        {
            var reached = waitUntilInStep();
            var winner = await Task.WhenAny(reached, first.WaitForExitAsync(TimeSpan.FromSeconds(90)));
            Assert.True(winner == reached && !first.HasExited, $"The child never reached the step.\nstdout:\n{first.StandardOutput}\nstderr:\n{first.StandardError}");
            await first.KillAsync();
        }

        hold?.Open();
        await using var second = BotProcess.Start(["work", "--until-idle"], environment, _folder);
        var exit = await second.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exit == 0, $"work exited {exit}\nstdout:\n{second.StandardOutput}\nstderr:\n{second.StandardError}");
        Assert.Equal(1, _gmi.SubmissionsFor(prompt));
        Assert.Single(Directory.GetFiles(output, "edit-*.png"));
    }
}
