using EditBot.Bot.Commands;
using EditBot.Bot.Delivery;
using EditBot.Bot.Entry;
using EditBot.Bot.Events;
using EditBot.Bot.History;
using EditBot.Bot.Intake;
using EditBot.Bot.Progress;
using EditBot.Core.Engine;
using EditBot.Moderation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EditBot.Bot;

public static class BotExperienceServiceCollectionExtensions
{
    /// <summary>
    /// The Discord experience: options (section "Bot", validated at start), the event pump, the entry points (/edit,
    /// Apps → Edit image, mentions, /editbot and its history, buttons), intake, the progress observer, the "discord" delivery and the
    /// start-up command registration. Call after the engine, Discord REST, transport, Gmi and Imaging registrations.
    /// Replace <see cref="IIntakePolicy"/> (registered with TryAdd) to add server rules; add <see cref="IBotCommandModule"/>s for more commands.
    /// </summary>
    public static IServiceCollection AddEditBotExperience(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotExperienceOptions>()
            .Bind(configuration.GetSection(BotExperienceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIntakePolicy, AllowAllIntakePolicy>();

        services.AddSingleton<BotIdentity>();
        services.AddSingleton<UserLimits>();
        services.AddSingleton<EditIntake>();
        services.AddSingleton<DeferredIntake>();
        services.AddSingleton<PendingTargets>();
        services.AddSingleton<ResultMessages>();
        services.AddSingleton<DeliveryRecords>();
        services.AddSingleton<ProgressMessages>();
        services.AddSingleton<ProgressPublisher>();
        services.AddSingleton<ResultPoster>();
        services.AddSingleton<PostedResultFinder>();
        services.AddSingleton<GuildUploadLimits>();
        services.AddSingleton<SlashEditHandler>();
        services.AddSingleton<MessageCommandHandler>();
        services.AddSingleton<MentionImageFinder>();
        services.AddSingleton<MentionHandler>();
        services.AddSingleton<EditbotCommandHandler>();
        services.AddSingleton<JobButtonHandler>();
        services.AddSingleton<IInteractionModule, ExperienceInteractions>();
        // /editbot history and Show results; the estimator is the one the usage report and budgets price with.
        services.TryAddSingleton<CostEstimator>();
        services.AddSingleton<JobLinks>();
        services.AddSingleton<HistoryReader>();
        services.AddSingleton<HistoryMessage>();
        services.AddSingleton<HistoryHandler>();
        services.AddSingleton<UndeliveredJobs>();
        services.AddSingleton<ShowResultsHandler>();
        services.AddSingleton<IInteractionModule, HistoryInteractions>();
        services.AddSingleton<InteractionRouter>();

        services.AddSingleton<IJobDelivery, DiscordJobDelivery>();
        services.AddSingleton<IJobObserver, ProgressObserver>();
        services.AddHostedService<DiscordEventPump>();
        services.AddHostedService<ReservationSweepService>();
        services.AddEditBotDiscordStartup(); // command registration waits out a Discord outage
        services.AddHostedService<CommandRegistrationService>();
        return services;
    }
}
