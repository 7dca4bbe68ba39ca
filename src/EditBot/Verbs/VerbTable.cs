using EditBot.Composition;

namespace EditBot.Verbs;

/// <summary>
/// Runs the verb named first on the command line (the bot when none is named) from the table <c>Program.cs</c> passes,
/// and prints the usage for help or an unknown verb. A start-up refusal ends with its one line and exit code 2.
/// </summary>
public static class VerbTable
{
    public const string Usage =
        "usage: EditBot [run]                 run the bot (Discord:Token and Gmi:ApiKey required)\n" +
        "       EditBot edit --image ... --prompt ... --out DIR   one edit without Discord (see `EditBot edit --help`)\n" +
        "       EditBot work [--until-idle]   run the job engine alone; --until-idle exits when no job is left\n" +
        "       EditBot healthcheck           exit 0 when the running bot's /healthz is ready (for Docker)\n" +
        "       EditBot jobs uncertain|retry <id>   edits not sent again after a lost submit; send one again\n" +
        "Settings: appsettings.json, environment variables (Discord__Token) or --Key=value arguments.";

    public const string DefaultVerb = "run";

    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, Func<string[], Task<int>>> verbs)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(verbs);
        var verb = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : DefaultVerb;
        var rest = verb == DefaultVerb && (args.Length == 0 || args[0] != DefaultVerb) ? args : args[1..];
        try
        {
            return verbs.TryGetValue(verb, out var run) ? await run(rest)
                : verb is "help" or "-h" ? PrintUsage(0)
                : PrintUsage(2, $"unknown verb '{verb}'");
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static int PrintUsage(int code, string? problem = null)
    {
        if (problem is not null)
        {
            Console.Error.WriteLine($"EditBot: {problem}");
        }

        (code == 0 ? Console.Out : Console.Error).WriteLine(Usage);
        return code;
    }
}
