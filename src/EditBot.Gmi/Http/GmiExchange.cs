using System.Globalization;
using System.Net.Http;
using EditBot.Core.Backend;

namespace EditBot.Gmi.Http;

/// <summary>
/// One HTTP exchange with a time limit, its transport failures mapped to Transient. For a submit, every failure
/// after the request may have left this machine is marked MaybeAccepted so the engine reconciles before reposting.
/// </summary>
internal static class GmiExchange
{
    public static async Task<GmiHttpAnswer> SendAsync(
        HttpClient http, HttpRequestMessage request, GmiOperation operation, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var submit = operation == GmiOperation.Submit;
        var target = request.RequestUri is { } uri ? SafeUrl.Describe(uri) : "GMI";
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return new GmiHttpAnswer(response.StatusCode, body, RetryAfterReader.Read(response.Headers, timeProvider));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EditBackendException(BackendErrorKind.Transient,
                string.Create(CultureInfo.InvariantCulture, $"{target} did not answer within {timeout.TotalSeconds:0.#} s"),
                maybeAccepted: submit);
        }
        catch (HttpRequestException e)
        {
            throw new EditBackendException(BackendErrorKind.Transient,
                string.Create(CultureInfo.InvariantCulture, $"Could not complete the call to {target} ({e.HttpRequestError})"),
                maybeAccepted: submit && MayHaveBeenSent(e.HttpRequestError), inner: e);
        }
        catch (IOException e)
        {
            throw new EditBackendException(BackendErrorKind.Transient, $"The answer of {target} was cut off",
                maybeAccepted: submit, inner: e);
        }
    }

    /// <summary>Errors raised before any byte of the request went out cannot have created a request.</summary>
    private static bool MayHaveBeenSent(HttpRequestError error) => error is not (
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError
        or HttpRequestError.ProxyTunnelError or HttpRequestError.VersionNegotiationError or HttpRequestError.ExtendedConnectNotSupported
        or HttpRequestError.UserAuthenticationError);
}
