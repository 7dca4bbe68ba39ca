using EditBot.CommandLine;
using EditBot.Composition;
using EditBot.Core.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace EditBot.Composition;

/// <summary>A host that runs only the job engine (no Discord): the <c>edit</c> and <c>work</c> verbs.</summary>
public static class EngineHost
{
    public static IHost Build(string[] args, IReadOnlyList<RequiredSetting> required, Serilog.Events.LogEventLevel defaultLevel)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Configuration.AddEditBotSources(builder.Environment.EnvironmentName, args);
        var missing = RequiredSetting.FirstMissing(builder.Configuration, required);
        if (missing is not null)
        {
            throw new StartupException(missing.MissingMessage);
        }

        builder.Services.AddSerilog(logger => SerilogSetup.Configure(logger, builder.Configuration, defaultLevel), preserveStaticLogger: true);
        builder.Services.AddEditBotEngine(builder.Configuration);
        builder.Services.AddSingleton<IJobDelivery, CliJobDelivery>();
        builder.Services.AddSingleton<CliJobWatcher>();
        builder.Services.AddSingleton<IJobObserver>(sp => sp.GetRequiredService<CliJobWatcher>());
        return builder.Build();
    }
}
