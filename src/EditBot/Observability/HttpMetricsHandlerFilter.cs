using Microsoft.Extensions.Http;

namespace EditBot.Observability;

/// <summary>Adds <see cref="HttpMetricsHandler"/> as the innermost handler of every named client.</summary>
public sealed class HttpMetricsHandlerFilter(EditBotMetrics metrics) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Add(new HttpMetricsHandler(metrics, HttpMetricsHandler.ClientLabel(builder.Name ?? string.Empty)));
    };
}
