using System.Diagnostics;

namespace EditBot.TestSupport.Postgres;

/// <summary>Runs the PostgreSQL binaries, as the <c>postgres</c> user when this process is root.</summary>
internal sealed class ProcessRunner(bool asPostgresUser)
{
    public static ProcessRunner ForCurrentUser() => new(Environment.UserName == "root");

    /// <summary>Hands a folder to the user the binaries run as.</summary>
    public Task GiveAwayAsync(string folder, CancellationToken cancellationToken) =>
        asPostgresUser ? RunRawAsync("chown", ["-R", "postgres:postgres", folder], cancellationToken) : Task.CompletedTask;

    public Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        asPostgresUser
            ? RunRawAsync("runuser", ["-u", "postgres", "--", program, .. arguments], cancellationToken)
            : RunRawAsync(program, arguments, cancellationToken);

    private static async Task RunRawAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
