using EditBot.Bot.Entry;
using EditBot.Bot.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.MaskEditor;

public static class MaskEditorServiceCollectionExtensions
{
    /// <summary>
    /// The mask editor: options (section "Http", validated at start), link signing and drafts, the Discord entry points
    /// (/edit region:draw, Apps → Edit region, the results' Edit region button) and what its page needs. Map its routes
    /// with <see cref="MaskEditorEndpoints.MapMaskEditor"/>. Call after <c>AddEditBotExperience</c>.
    /// </summary>
    public static IServiceCollection AddEditBotMaskEditor(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MaskEditorOptions>()
            .Bind(configuration.GetSection(MaskEditorOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MaskLinkKeys>();
        services.AddSingleton<MaskDrafts>();
        services.AddSingleton<MaskLinkGate>();
        services.AddSingleton<MaskLinkIssuer>();
        services.AddSingleton<MaskSubmission>();
        services.AddSingleton<MaskEditorAssets>();
        services.AddSingleton<MaskEditorRateLimits>();
        services.AddSingleton<MaskRegionHandler>();
        services.AddSingleton<IDrawnRegionEntry>(sp => sp.GetRequiredService<MaskRegionHandler>());
        services.AddSingleton<IInteractionModule, MaskEditorInteractions>();
        services.AddHostedService<MaskDraftSweep>();
        return services;
    }
}
