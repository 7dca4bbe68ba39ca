using EditBot.Common.Retry;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.DiscordStartup;

/// <summary>A zero or inverted backoff would hammer Discord during an outage (and count towards its invalid-request ban).</summary>
internal sealed class DiscordRetryOptionsValidator : IValidateOptions<DiscordRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordRetryOptions options)
    {
        var failures = Backoff.SettingProblems(options.BaseDelay, options.MaxDelay, "Discord:Retry:BaseDelay", "Discord:Retry:MaxDelay").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
