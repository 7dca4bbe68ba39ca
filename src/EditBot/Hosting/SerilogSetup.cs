using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace EditBot.Hosting;

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
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose);
}
