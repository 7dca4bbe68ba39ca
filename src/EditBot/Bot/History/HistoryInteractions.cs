using EditBot.Bot.Components;
using EditBot.Bot.Events;

namespace EditBot.Bot.History;

/// <summary>The buttons of /editbot history and status: a history page (Previous, Next) and Show results.</summary>
public sealed class HistoryInteractions(HistoryHandler history, ShowResultsHandler showResults) : IInteractionModule
{
    public void MapRoutes(InteractionRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes
            .Component(CustomId.HistoryPage, history.PageAsync)
            .Component(CustomId.ShowResults, showResults.HandleAsync);
    }
}
