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
        var failures = new List<string>();
        if (options.ReconnectBaseDelay <= TimeSpan.Zero)
        {
            failures.Add("Discord:Gateway:ReconnectBaseDelay must be positive, e.g. 00:00:01 (env Discord__Gateway__ReconnectBaseDelay).");
        }

        if (options.ReconnectMaxDelay < options.ReconnectBaseDelay)
        {
            failures.Add("Discord:Gateway:ReconnectMaxDelay must be at least Discord:Gateway:ReconnectBaseDelay, e.g. 00:01:00 (env Discord__Gateway__ReconnectMaxDelay).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
