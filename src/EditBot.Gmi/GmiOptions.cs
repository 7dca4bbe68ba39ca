namespace EditBot.Gmi;

/// <summary>Settings of the GMI request queue client (configuration section "Gmi").</summary>
public sealed class GmiOptions
{
    public const string SectionName = "Gmi";
    public const string DefaultBaseUrl = "https://console.gmicloud.ai/api/v1/ie/requestqueue/apikey";
    public const string DefaultModel = "gpt-image-2-edit";

    /// <summary>Required to submit; checked by the host at start and again by every call.</summary>
    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Model id; GMI's ids are case-sensitive.</summary>
    public string Model { get; set; } = DefaultModel;

    /// <summary>Sent as X-Organization-ID for multi-organization accounts.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>Inputs larger than this go through upload-url instead of inline base64.</summary>
    public int InlineLimitBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Limit for one HTTP exchange (headers and body).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of an idempotent call (GET, upload) after its first attempt failed transiently.</summary>
    public int GetRetries { get; set; } = 3;

    /// <summary>
    /// Records asked for per GET /requests page while reconciling a lost submit. GMI documents no paging [G]: the
    /// client sends `page` and `page_size` and checks the answers for progress instead of trusting them.
    /// </summary>
    public int ReconcilePageSize { get; set; } = 50;

    /// <summary>Most pages read for one reconciliation; a longer list leaves it incomplete, so nothing is posted again.</summary>
    public int ReconcileMaxPages { get; set; } = 20;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
