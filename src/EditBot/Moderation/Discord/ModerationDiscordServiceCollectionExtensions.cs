using EditBot.Bot.Commands;
using EditBot.Bot.Events;
using EditBot.Bot.Intake;
using EditBot.Core.Engine;
using EditBot.Origin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EditBot.Moderation.Discord;

public static class ModerationDiscordServiceCollectionExtensions
{
    /// <summary>
    /// Server moderation for the Discord bot: the rules (<see cref="ModerationServiceCollectionExtensions.AddEditBotModeration"/>),
    /// the intake policy (replacing any registered <see cref="IIntakePolicy"/>, e.g. the experience's allow-all), the
    /// review queue with its expiry, the audit log, /editbot-admin and the review buttons (as an <see cref="IBotCommandModule"/>),
    /// and the model price for cost estimates. Order does not matter: the experience registers its policy with TryAdd
    /// and this one replaces it (RegistrationOrderTests).
    /// </summary>
    public static IServiceCollection AddEditBotModerationDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddEditBotModeration<OriginModerationContextReader>();
        services.AddOptions<ModerationDiscordOptions>().Bind(configuration.GetSection(ModerationDiscordOptions.SectionName)).ValidateOnStart();

        services.Replace(ServiceDescriptor.Singleton<IIntakePolicy, ModerationIntakePolicy>());
        services.TryAddSingleton<GuildImageDefaults>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<ReviewPostStore>();
        services.TryAddSingleton<ReviewPostBuilder>();
        services.TryAddSingleton<RequesterNotifier>();
        services.TryAddSingleton<ReviewDecisions>();
        services.TryAddSingleton<ReviewQueueObserver>();
        services.TryAddSingleton<ReviewButtonHandler>();
        services.TryAddSingleton<AdminCommandHandler>();
        services.AddSingleton<IJobObserver, AuditObserver>();
        services.AddSingleton<IJobObserver>(sp => sp.GetRequiredService<ReviewQueueObserver>());
        services.AddSingleton<ModerationCommandModule>();
        services.AddSingleton<IBotCommandModule>(sp => sp.GetRequiredService<ModerationCommandModule>());
        services.AddSingleton<IInteractionModule>(sp => sp.GetRequiredService<ModerationCommandModule>());
        services.AddEditBotReviewExpiry<ReviewExpiryHandler>();
        services.TryAddSingleton<AuditPostingService>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditPostingService>());
        services.TryAddSingleton<MissingReviewPostService>();
        services.AddSingleton<IWaitingReviewCheck>(sp => sp.GetRequiredService<MissingReviewPostService>());
        services.AddHostedService<ModelPriceLoader>();
        return services;
    }
}
