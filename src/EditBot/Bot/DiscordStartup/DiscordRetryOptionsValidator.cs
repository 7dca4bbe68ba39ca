using Microsoft.Extensions.Options;

namespace EditBot.Bot.DiscordStartup;

/// <summary>A zero or inverted backoff would hammer Discord during an outage (and count towards its invalid-request ban).</summary>
internal sealed class DiscordRetryOptionsValidator : IValidateOptions<DiscordRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordRetryOptions options)
    {
        var failures = new List<string>();
        if (options.BaseDelay <= TimeSpan.Zero)
        {
            failures.Add("Discord:Retry:BaseDelay must be positive, e.g. 00:00:01 (env Discord__Retry__BaseDelay).");
        }

        if (options.MaxDelay < options.BaseDelay)
        {
            failures.Add("Discord:Retry:MaxDelay must be at least Discord:Retry:BaseDelay, e.g. 00:01:00 (env Discord__Retry__MaxDelay).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
