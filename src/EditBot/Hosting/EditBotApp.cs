using EditBot.Cli;

namespace EditBot.Hosting;

/// <summary>Entry point: picks the verb (run the bot by default, or an operator verb) and runs it.</summary>
public static class EditBotApp
{
    public const string Usage =
        "usage: EditBot [run]                 run the bot (Discord:Token and Gmi:ApiKey required)\n" +
        "       EditBot edit --image ... --prompt ... --out DIR   one edit without Discord (see `EditBot edit --help`)\n" +
        "       EditBot work [--until-idle]   run the job engine alone; --until-idle exits when no job is left\n" +
        "       EditBot healthcheck           exit 0 when the running bot's /healthz is ready (for Docker)\n" +
        "       EditBot jobs uncertain|retry <id>   edits not sent again after a lost submit; send one again\n" +
        "Settings: appsettings.json, environment variables (Discord__Token) or --Key=value arguments.";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "run";
        var rest = verb == "run" && (args.Length == 0 || args[0] != "run") ? args : args[1..];
        try
        {
            return verb switch
            {
                "run" => await BotVerb.RunAsync(rest),
                "edit" => await EditVerb.RunAsync(rest),
                "work" => await WorkVerb.RunAsync(rest),
                "healthcheck" => await HealthcheckVerb.RunAsync(rest),
                "jobs" => await JobsVerb.RunAsync(rest),
                "help" or "-h" => PrintUsage(0),
                _ => PrintUsage(2, $"unknown verb '{verb}'"),
            };
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
