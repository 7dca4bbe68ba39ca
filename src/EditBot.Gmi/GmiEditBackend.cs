using EditBot.Common.Retry;
using EditBot.Core.Backend;
using EditBot.Gmi.Backend;
using EditBot.Gmi.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Gmi;

/// <summary><see cref="IEditBackend"/> over GMI's request queue.</summary>
public sealed class GmiEditBackend : IEditBackend
{
    private readonly GmiClient _client;
    private readonly GmiUploadClient _uploads;
    private readonly SafeMediaDownloader _downloader;
    private readonly GmiOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GmiEditBackend> _logger;
    private readonly Backoff _backoff;

    public GmiEditBackend(
        GmiClient client, GmiUploadClient uploads, SafeMediaDownloader downloader, IOptions<GmiOptions> options, TimeProvider timeProvider,
        ILogger<GmiEditBackend> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _uploads = uploads;
        _downloader = downloader;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _backoff = new Backoff(_options.RetryBaseDelay, _options.RetryMaxDelay);
    }

    public async Task<string?> StageInputAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        if (content.Length <= _options.InlineLimitBytes)
        {
            return null;
        }

        // A fresh upload URL per attempt: a failed PUT may have been cut off half-way, and minting one is harmless.
        return await IdempotentRetry.RunAsync(async ct =>
        {
            var target = await _client.CreateUploadUrlAsync(MediaTypes.FileTypeOf(mediaType), ct);
            await _uploads.UploadAsync(target, content, ct);
            _logger.LogInformation("Staged a {Bytes}-byte input at {PublicUrl}", content.Length, SafeUrl.Describe(target.PublicUrl));
            return target.PublicUrl;
        }, retries: 1, _backoff, _timeProvider, _logger, "Staging an input", cancellationToken);
    }

    public async Task<RemoteRequest> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = new GmiEditPayload(request.Prompt, request.Image, request.Mask, request.Size, request.Quality, request.Count);
        var record = await _client.SubmitAsync(payload, cancellationToken);
        _logger.LogInformation("Job {JobId} submitted as GMI request {RequestId}", request.JobId, record.Request.RequestId);
        return record.Request;
    }

    public async Task<RemoteRequest> GetAsync(string requestId, CancellationToken cancellationToken) =>
        (await _client.GetAsync(requestId, cancellationToken)).Request;

    public async Task<SubmitLookup> FindSubmittedAsync(SubmitRequest request, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (records, total) = await RequestListReader.ReadAsync(_client, _options, cancellationToken);
        var matches = SubmittedRequestMatcher.FindAll(records, request, _options.Model, notBefore);
        var complete = records.Count >= total;
        _logger.LogInformation(
            "Reconciling job {JobId}: {Matches} matching request(s) among {Count} listed of {Total} (list complete: {Complete})",
            request.JobId, matches.Count, records.Count, total, complete);
        return new SubmitLookup(matches, complete);
    }

    public Task<DownloadedMedia> DownloadAsync(string url, CancellationToken cancellationToken) =>
        _downloader.DownloadAsync(url, cancellationToken);
}
