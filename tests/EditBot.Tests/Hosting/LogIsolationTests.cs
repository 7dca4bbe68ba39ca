using EditBot.Composition;
using EditBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Core;

namespace EditBot.Tests.Hosting;

/// <summary>
/// Two bots in one process (as the test suite runs them) keep their logs apart: each host writes to its own Serilog
/// pipeline, never to the process-wide <c>Log.Logger</c> that the last-built host would otherwise own.
/// </summary>
public sealed class LogIsolationTests
{
    [Fact]
    public async Task Each_host_logs_only_to_its_own_sinks_even_when_another_host_was_built_after_it()
    {
        var first = new LogCapture();
        var second = new LogCapture();
        await using var a = Build(first);
        await using var b = Build(second);

        var loggerA = a.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Isolation");
        var loggerB = b.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Isolation");
        loggerA.LogWarning("from host {Host}", "A");
        loggerB.LogWarning("from host {Host}", "B");

        Assert.Equal(["Warning Isolation: from host \"A\""], Lines(first));
        Assert.Equal(["Warning Isolation: from host \"B\""], Lines(second));
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(LogCapture capture) =>
        BotHost.Build(
            ["--Discord:Token=isolation-token", "--Gmi:ApiKey=isolation-key", "--Http:Urls=http://127.0.0.1:0",
             $"--Storage:ConnectionString=Data Source={Path.Combine(Directory.CreateTempSubdirectory("editbot-logs-").FullName, "editbot.db")}"],
            s => s.AddSingleton<ILogEventSink>(capture));

    private static List<string> Lines(LogCapture capture) =>
        [.. capture.Events.Where(e => LogCapture.Source(e) == "Isolation").Select(LogCapture.Line)];
}
