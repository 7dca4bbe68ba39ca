using Microsoft.Extensions.Options;

namespace EditBot.Gmi;

internal sealed class DownloadOptionsValidator : IValidateOptions<DownloadOptions>
{
    public ValidateOptionsResult Validate(string? name, DownloadOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBytes <= 0)
        {
            failures.Add("Downloads:MaxBytes must be positive.");
        }

        if (options.AllowedHosts.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Downloads:AllowedHosts must not contain empty entries.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Downloads:RequestTimeout must be positive.");
        }

        if (options.Retries is < 0 or > 20)
        {
            failures.Add("Downloads:Retries must be between 0 and 20.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("Downloads:RetryBaseDelay must be positive and Downloads:RetryMaxDelay at least as long.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
