using EditBot.Discord.Gateway;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace EditBot.Composition;

/// <summary>
/// Structured logging. HttpClient's own request logging is switched off elsewhere because it writes full URLs,
/// and Discord interaction tokens and signed media URLs live in URLs.
/// </summary>
public static class SerilogSetup
{
    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, LogEventLevel defaultLevel = LogEventLevel.Information) =>
        logger
            .MinimumLevel.Is(defaultLevel)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", defaultLevel > LogEventLevel.Information ? defaultLevel : LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            // Each /healthz answer carries its reasons; the health-check service would log every unhealthy probe as an
            // error (a Docker probe every 30 s during a Discord outage). The causes are logged once where they happen.
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Fatal)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Filter.ByExcluding(IsHostReportOfGatewayRefusal)
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose);

    /// <summary>
    /// A definitive refusal (bad token, disallowed intents) ends the gateway service with an exception, and the .NET
    /// host logs every failed BackgroundService ("BackgroundService failed", then the StopHost notice) with its stack
    /// trace. That is an operator's configuration problem, not a bug: BotHost prints the one line saying what to fix,
    /// so these two host events are dropped for exactly that exception and nothing else.
    /// </summary>
    private static bool IsHostReportOfGatewayRefusal(LogEvent e) =>
        e.Exception is GatewayFatalException
        && e.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: "Microsoft.Extensions.Hosting.Internal.Host" };
}
