using EditBot.Discord.HttpInteractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

public static class DiscordInteractionsEndpointExtensions
{
    /// <summary>
    /// Maps Discord's interactions endpoint (POST <paramref name="path"/>), the URL set as "Interactions Endpoint
    /// URL" in the Developer Portal. Needs <c>AddEditBotDiscordHttpInteractions()</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string path = "/interactions")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(path, (HttpContext context) =>
            context.RequestServices.GetRequiredService<InteractionRequestHandler>().HandleAsync(context));
    }
}
