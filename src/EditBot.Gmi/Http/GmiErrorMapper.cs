using System.Globalization;
using System.Net;
using EditBot.Core.Backend;
using EditBot.Gmi.Parsing;

namespace EditBot.Gmi.Http;

/// <summary>Maps a non-success HTTP answer from GMI to an <see cref="EditBackendException"/> the engine can act on.</summary>
internal static class GmiErrorMapper
{
    public static EditBackendException Map(GmiHttpAnswer answer, GmiOperation operation, string model)
    {
        var code = (int)answer.Status;
        var reason = ErrorBodyReader.Read(answer.Body);
        var suffix = reason is null ? string.Empty : ": " + reason;
        if (operation == GmiOperation.UploadPut && code is not (408 or 429) && code < 500)
        {
            // Storage answers here, not GMI; its error text can echo the signature, so it is left out.
            return new(BackendErrorKind.BadRequest, string.Create(CultureInfo.InvariantCulture,
                $"The upload to storage was refused ({code}); the signed URL may have expired or its Content-Type differ"));
        }

        return answer.Status switch
        {
            HttpStatusCode.Unauthorized => new(BackendErrorKind.Configuration, "GMI rejected the API key; check Gmi:ApiKey"),
            HttpStatusCode.Forbidden =>
                new(BackendErrorKind.Configuration, "GMI refused access (403); check Gmi:ApiKey and Gmi:OrganizationId" + suffix),
            HttpStatusCode.PaymentRequired => new(BackendErrorKind.InsufficientCredits, "GMI account has insufficient credits" + suffix),
            HttpStatusCode.NotFound when operation == GmiOperation.GetRequest =>
                new(BackendErrorKind.BadRequest, "GMI knows no such request" + suffix),
            HttpStatusCode.NotFound when operation is GmiOperation.Submit or GmiOperation.ListRequests or GmiOperation.Models =>
                new(BackendErrorKind.Configuration, string.Create(CultureInfo.InvariantCulture,
                    $"GMI does not know the model '{model}'; check Gmi:Model (model ids are case-sensitive){suffix}")),
            HttpStatusCode.TooManyRequests => new(BackendErrorKind.Transient, "GMI is rate limiting (429)" + suffix, answer.RetryAfter),
            HttpStatusCode.RequestTimeout => Transient(answer, operation, code, suffix),
            _ when code >= 500 => Transient(answer, operation, code, suffix),
            _ when FailureClassifier.IsContentPolicy(reason) =>
                new(BackendErrorKind.ContentPolicy, "GMI refused the request under its content policy" + suffix),
            _ => new(BackendErrorKind.BadRequest, string.Create(CultureInfo.InvariantCulture, $"GMI rejected the request ({code}){suffix}")),
        };
    }

    private static EditBackendException Transient(GmiHttpAnswer answer, GmiOperation operation, int code, string suffix) =>
        new(BackendErrorKind.Transient,
            string.Create(CultureInfo.InvariantCulture, $"GMI answered {code}{suffix}"),
            answer.RetryAfter,
            maybeAccepted: operation == GmiOperation.Submit);
}
