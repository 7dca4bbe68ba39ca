using System.Net.Http.Headers;
using EditBot.Common.Retry;
using EditBot.Gmi.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Gmi;

/// <summary>
/// PUTs bytes to a presigned upload URL. A separate client from <see cref="GmiClient"/> so the API key never goes to
/// the storage host. The PUT is idempotent, so it retries on transient failures.
/// </summary>
public sealed class GmiUploadClient
{
    private readonly HttpClient _http;
    private readonly GmiOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GmiUploadClient> _logger;
    private readonly Backoff _backoff;

    public GmiUploadClient(HttpClient http, IOptions<GmiOptions> options, TimeProvider timeProvider, ILogger<GmiUploadClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _backoff = new Backoff(_options.RetryBaseDelay, _options.RetryMaxDelay);
    }

    public Task UploadAsync(GmiUploadTarget target, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var where = SafeUrl.Describe(target.UploadUrl);
        return IdempotentRetry.RunAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, target.UploadUrl) { Content = new ReadOnlyMemoryContent(content) };
            // The signature covers the Content-Type: send exactly the signed value, no charset or other parameters.
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(target.ContentType);
            var answer = await GmiExchange.SendAsync(_http, request, GmiOperation.UploadPut, _options.RequestTimeout, _timeProvider, ct);
            if (!answer.IsSuccess)
            {
                throw GmiErrorMapper.Map(answer with { Body = string.Empty }, GmiOperation.UploadPut, _options.Model);
            }

            _logger.LogInformation("Uploaded {Bytes} bytes to {Target}", content.Length, where);
            return true;
        }, _options.GetRetries, _backoff, _timeProvider, _logger, "PUT " + where, cancellationToken);
    }
}
