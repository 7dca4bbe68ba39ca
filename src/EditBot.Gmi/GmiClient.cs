using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EditBot.Common.Retry;
using EditBot.Core.Backend;
using EditBot.Gmi.Http;
using EditBot.Gmi.Parsing;
using EditBot.Gmi.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Gmi;

/// <summary>
/// Typed client of GMI's request queue. Reads retry internally on transient failures; <see cref="SubmitAsync"/>
/// is sent exactly once and its errors say (MaybeAccepted) whether GMI may have taken it anyway.
/// </summary>
public sealed class GmiClient
{
    private readonly HttpClient _http;
    private readonly GmiOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GmiClient> _logger;
    private readonly Backoff _backoff;

    public GmiClient(HttpClient http, IOptions<GmiOptions> options, TimeProvider timeProvider, ILogger<GmiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _backoff = new Backoff(_options.RetryBaseDelay, _options.RetryMaxDelay);
    }

    public async Task<GmiRequestRecord> SubmitAsync(GmiEditPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        // GMI's contract: an optional field is absent when unused, never empty. An empty mask is a bug upstream,
        // and posting it would be refused (and, for a lenient server, could mean "mask everything").
        if (payload.Mask is { Length: 0 })
        {
            // Refused before the POST, as the 400 GMI would answer: a definitive failure of the job, never a retry.
            throw new EditBackendException(BackendErrorKind.BadRequest, "The mask is empty; an edit without a mask sends no mask at all.");
        }

        var body = new SubmitBody(_options.Model, new EditPayloadDto
        {
            Prompt = payload.Prompt, Image = payload.Image, Mask = payload.Mask, Size = payload.Size, Quality = payload.Quality, N = payload.N,
        });
        using var request = NewRequest(HttpMethod.Post, "requests", JsonBody(body, GmiJsonContext.Default.SubmitBody));
        var answer = await SendAsync(request, GmiOperation.Submit, cancellationToken);
        var record = ParseOrTransient(answer, GmiOperation.Submit, json => RequestRecordParser.Parse(json, _logger));
        _logger.LogInformation("GMI accepted request {RequestId} with status {Status}", record.Request.RequestId, record.Request.RawStatus);
        return record;
    }

    public Task<GmiRequestRecord> GetAsync(string requestId, CancellationToken cancellationToken) =>
        ReadAsync(() => NewRequest(HttpMethod.Get, "requests/" + Uri.EscapeDataString(requestId)), GmiOperation.GetRequest,
            json => RequestRecordParser.Parse(json, _logger), "GET /requests/{id}", cancellationToken);

    /// <summary>One page (1-based) of the organization's requests of one model (default: the configured model).</summary>
    public Task<GmiRequestList> ListAsync(string? modelId, int page, int pageSize, CancellationToken cancellationToken) =>
        ReadAsync(() => NewRequest(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture,
                $"requests?model_id={Uri.EscapeDataString(modelId ?? _options.Model)}&page={page}&page_size={pageSize}")),
            GmiOperation.ListRequests, ParseList, "GET /requests", cancellationToken);

    public Task<GmiModelInfo> GetModelAsync(string? modelId, CancellationToken cancellationToken) =>
        ReadAsync(() => NewRequest(HttpMethod.Get, "models/" + Uri.EscapeDataString(modelId ?? _options.Model)),
            GmiOperation.Models, json => GmiModelReader.ReadModel(json, modelId ?? _options.Model), "GET /models/{id}", cancellationToken);

    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken) =>
        ReadAsync(() => NewRequest(HttpMethod.Get, "models"), GmiOperation.Models, GmiModelReader.ReadModelIds, "GET /models", cancellationToken);

    /// <summary>Asks for a presigned upload target. Repeating it is harmless (it only mints a URL), so it retries like a read.</summary>
    public Task<GmiUploadTarget> CreateUploadUrlAsync(string fileType, CancellationToken cancellationToken) =>
        ReadAsync(() => NewRequest(HttpMethod.Post, "upload-url", JsonBody(new UploadUrlRequestDto(fileType), GmiJsonContext.Default.UploadUrlRequestDto)),
            GmiOperation.UploadUrl, json => GmiModelReader.ReadUploadTarget(json, fileType), "POST /upload-url", cancellationToken);

    private Task<T> ReadAsync<T>(Func<HttpRequestMessage> build, GmiOperation operation, Func<string, T> parse, string what, CancellationToken cancellationToken) =>
        IdempotentRetry.RunAsync(async ct =>
        {
            using var request = build();
            var answer = await SendAsync(request, operation, ct);
            return ParseOrTransient(answer, operation, parse);
        }, _options.GetRetries, _backoff, _timeProvider, _logger, what, cancellationToken);

    private async Task<GmiHttpAnswer> SendAsync(HttpRequestMessage request, GmiOperation operation, CancellationToken cancellationToken)
    {
        var answer = await GmiExchange.SendAsync(_http, request, operation, _options.RequestTimeout, _timeProvider, cancellationToken);
        return answer.IsSuccess ? answer : throw GmiErrorMapper.Map(answer, operation, _options.Model);
    }

    private static T ParseOrTransient<T>(GmiHttpAnswer answer, GmiOperation operation, Func<string, T> parse)
    {
        try
        {
            return parse(answer.Body);
        }
        catch (JsonException e)
        {
            // A garbled answer to a submit may still mean GMI created the request.
            throw new EditBackendException(BackendErrorKind.Transient, "GMI sent a malformed answer: " + e.Message,
                maybeAccepted: operation == GmiOperation.Submit, inner: e);
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string relative, HttpContent? content = null)
    {
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            throw new EditBackendException(BackendErrorKind.Configuration,
                "Gmi:ApiKey is not set; set it in configuration or the environment variable Gmi__ApiKey");
        }

        var request = new HttpRequestMessage(method, new Uri(_options.BaseUrl.TrimEnd('/') + "/" + relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        if (!string.IsNullOrWhiteSpace(_options.OrganizationId))
        {
            request.Headers.TryAddWithoutValidation("X-Organization-ID", _options.OrganizationId);
        }

        return request;
    }

    private static ByteArrayContent JsonBody<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private GmiRequestList ParseList(string json)
    {
        var list = JsonSerializer.Deserialize(json, GmiJsonContext.Default.RequestListDto) ?? throw new JsonException("The request list is null.");
        var records = new List<GmiRequestRecord>();
        foreach (var element in list.Requests ?? [])
        {
            try
            {
                records.Add(RequestRecordParser.Parse(element, _logger));
            }
            catch (JsonException e)
            {
                _logger.LogWarning("Skipping an unreadable record in GMI's request list: {Reason}", e.Message);
            }
        }

        return new GmiRequestList(records, list.Total ?? records.Count);
    }
}
