using Microsoft.Extensions.Options;

namespace EditBot.Discord;

/// <summary>What DataAnnotations cannot say about the REST settings; the token is checked by the host.</summary>
internal sealed class DiscordRestOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10 (env Discord__ApiBaseUrl).");
        }

        if (!Uri.TryCreate(options.UserAgentUrl, UriKind.Absolute, out _))
        {
            failures.Add("Discord:UserAgentUrl must be an absolute URL (it goes into the User-Agent header).");
        }

        if (options.ShardCount is { } count && options.ShardId >= count)
        {
            failures.Add("Discord:ShardId must be less than Discord:ShardCount.");
        }

        if (options.Transport == DiscordTransport.Http && string.IsNullOrWhiteSpace(options.PublicKey))
        {
            failures.Add("Discord:PublicKey is required for Discord:Transport=Http (env Discord__PublicKey).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
