using Microsoft.Extensions.Options;

namespace EditBot.Gmi;

/// <summary>
/// Checks the shape of the Gmi settings at start. ApiKey is deliberately not required here: commands that never
/// submit must still run without it; the host checks it when it runs the bot, and every call re-checks it.
/// </summary>
internal sealed class GmiOptionsValidator : IValidateOptions<GmiOptions>
{
    public ValidateOptionsResult Validate(string? name, GmiOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Gmi:BaseUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Gmi:Model must not be empty (default gpt-image-2-edit).");
        }

        if (options.InlineLimitBytes < 0)
        {
            failures.Add("Gmi:InlineLimitBytes must not be negative.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Gmi:RequestTimeout must be positive.");
        }

        if (options.ReconcilePageSize is < 1 or > 1000 || options.ReconcileMaxPages is < 1 or > 1000)
        {
            failures.Add("Gmi:ReconcilePageSize and Gmi:ReconcileMaxPages must be between 1 and 1000.");
        }

        if (options.GetRetries is < 0 or > 20)
        {
            failures.Add("Gmi:GetRetries must be between 0 and 20.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("Gmi:RetryBaseDelay must be positive and Gmi:RetryMaxDelay at least as long.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
