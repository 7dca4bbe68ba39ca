using EditBot.Bot.Components;
using EditBot.Bot.Events;

namespace EditBot.MaskEditor;

/// <summary>The mask editor's own interactions: Apps → Edit region and the results' Edit region button.</summary>
public sealed class MaskEditorInteractions(MaskRegionHandler handler) : IInteractionModule
{
    public void MapRoutes(InteractionRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes
            .Command(MaskRegionHandler.CommandName, handler.HandleCommandAsync)
            .Component(CustomId.EditRegion, handler.HandleButtonAsync);
    }
}
