using EditBot.Common.Retry;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.Gateway;

/// <summary>
/// The reconnect backoff checked at start-up: the shared <c>Backoff</c> refuses a zero or inverted one, which would
/// otherwise stop the gateway at its first reconnect, long after start, instead of naming the key when the bot starts.
/// </summary>
internal sealed class GatewayClientOptionsValidator : IValidateOptions<GatewayClientOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Backoff.SettingProblems(options.ReconnectBaseDelay, options.ReconnectMaxDelay, "Discord:Gateway:ReconnectBaseDelay", "Discord:Gateway:ReconnectMaxDelay").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
