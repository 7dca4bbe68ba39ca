using EditBot.Core.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EditBot.Moderation;

public static class ModerationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the moderation policy: options ("Moderation" section, validated at start), settings store, cost
    /// estimator, usage reader and report, rule evaluator, <see cref="ModerationService"/> and the submission gate.
    /// Needs an <see cref="Core.Storage.IJobStore"/> and <see cref="Core.Storage.IKeyValueStore"/> from the storage layer.
    /// </summary>
    /// <typeparam name="TContextReader">How the host reads back the <see cref="ModerationContext"/> it keeps in a job's origin.</typeparam>
    public static IServiceCollection AddEditBotModeration<TContextReader>(this IServiceCollection services)
        where TContextReader : class, IModerationContextReader
    {
        services.TryAddSingleton<IModerationContextReader, TContextReader>();
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GuildSettingsStore>();
        services.TryAddSingleton<CostEstimator>();
        services.TryAddSingleton(sp => new PromptBlocklistCache(sp.GetRequiredService<IOptions<ModerationOptions>>().Value.BlocklistMatchTimeout));
        services.TryAddSingleton<RuleEvaluator>();
        services.TryAddSingleton<UsageReader>();
        services.TryAddSingleton<OperatorRules>();
        services.TryAddSingleton<UsageReportBuilder>();
        services.TryAddSingleton<ModerationService>();
        services.AddSingleton<ISubmissionGate, ModerationSubmissionGate>();
        return services;
    }

    /// <summary>Adds the review-expiry sweep, which hands expired review requests to <typeparamref name="THandler"/>.</summary>
    public static IServiceCollection AddEditBotReviewExpiry<THandler>(this IServiceCollection services)
        where THandler : class, IReviewExpiryHandler
    {
        services.TryAddSingleton<IReviewExpiryHandler, THandler>();
        services.TryAddSingleton<ExpiredReviewSweeper>();
        services.AddHostedService<ReviewExpiryService>();
        return services;
    }
}
