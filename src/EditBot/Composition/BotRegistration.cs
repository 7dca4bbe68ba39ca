using EditBot.Adapters;
using EditBot.Bot;
using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using EditBot.Discord;
using EditBot.Discord.Gateway;
using EditBot.Discord.HttpInteractions;
using EditBot.Discord.RateLimits;
using EditBot.MaskEditor;
using EditBot.Moderation.Discord;
using EditBot.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace EditBot.Composition;

public static class BotRegistration
{
    /// <summary>The Discord side of the bot: REST, the configured transport, readiness.</summary>
    public static IServiceCollection AddEditBotBot(this IServiceCollection services, IConfiguration configuration, DiscordTransport transport)
    {
        services.AddEditBotDiscordRest(configuration);
        // The token's global rate is one budget for every instance that calls Discord.
        services.TryAddSingleton<ClusterShares>();
        services.TryAddSingleton<IGlobalRateShare, ClusterGlobalRateShare>();
        services.AddClusterRole(ClusterRole.DiscordRequests);
        services.AddEditBotDiscordStartup();
        if (transport == DiscordTransport.Http)
        {
            services.AddEditBotDiscordHttpInteractions();
        }
        else
        {
            services.AddEditBotDiscordGateway();
        }

        services.AddEditBotExperience(configuration);
        services.AddEditBotMaskEditor(configuration);
        services.AddEditBotModerationDiscord(configuration);
        // "At most N running per user" is enforced where jobs start: the engine's pick-up step.
        services.AddOptions<EngineOptions>().PostConfigure<IOptions<BotExperienceOptions>>((engine, bot) =>
        {
            if (engine.MaxRunningPerRequester == 0)
            {
                engine.MaxRunningPerRequester = bot.Value.MaxRunningPerUser;
            }
        });
        services.AddSingleton(new TransportKind(transport));
        services.AddEditBotHealthChecks();
        services.AddSingleton<JobsByStateCollector>();
        services.AddSingleton<ClusterCollector>();
        return services;
    }

    /// <summary>/healthz, /metrics, the mask editor's /mask pages and, for the Http transport, /interactions.</summary>
    public static WebApplication MapEditBotEndpoints(this WebApplication app, DiscordTransport transport)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<JobsByStateCollector>().Attach();
        app.Services.GetRequiredService<ClusterCollector>().Attach();
        app.MapEditBotHealthChecks("/healthz");
        app.MapMetrics("/metrics", app.Services.GetRequiredService<EditBotMetrics>().Registry);
        app.MapMaskEditor();
        if (transport == DiscordTransport.Http)
        {
            app.MapDiscordInteractions("/interactions");
        }

        return app;
    }
}
