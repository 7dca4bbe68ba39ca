using System.Diagnostics;

namespace EditBot.Observability;

/// <summary>
/// Times every outgoing request and counts 429s, per named client. It sits below each client's own retry and
/// rate-limit logic, so every attempt is seen. It records no URL: URLs carry interaction tokens and signatures.
/// </summary>
public sealed class HttpMetricsHandler(EditBotMetrics metrics, string clientName) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        metrics.ApiLatency.WithLabels(clientName, request.Method.Method).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if ((int)response.StatusCode == 429)
        {
            metrics.RateLimited.WithLabels(clientName).Inc();
        }

        return response;
    }

    /// <summary>Groups the many typed clients under the three names an operator cares about.</summary>
    public static string ClientLabel(string httpClientName) =>
        httpClientName.Contains("Discord", StringComparison.OrdinalIgnoreCase) ? "discord"
        : httpClientName.Contains("Download", StringComparison.OrdinalIgnoreCase) ? "download"
        : httpClientName.Contains("Gmi", StringComparison.OrdinalIgnoreCase) || httpClientName.Contains("Upload", StringComparison.OrdinalIgnoreCase) ? "gmi"
        : "other";
}
