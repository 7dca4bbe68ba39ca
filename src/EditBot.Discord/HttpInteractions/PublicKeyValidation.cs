using Microsoft.Extensions.Options;

namespace EditBot.Discord.HttpInteractions;

/// <summary>With the Http transport, a missing or malformed <c>Discord:PublicKey</c> stops start-up with one clear line.</summary>
internal sealed class PublicKeyValidation : IValidateOptions<DiscordOptions>
{
    public const string Message =
        "Discord:PublicKey must be the application's 64-hex-digit public key (Developer Portal → General Information) when Discord:Transport is Http (env Discord__PublicKey).";

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Transport != DiscordTransport.Http)
        {
            return ValidateOptionsResult.Success;
        }

        return InteractionSignatureVerifier.ParsePublicKey(options.PublicKey) is null
            ? ValidateOptionsResult.Fail(Message)
            : ValidateOptionsResult.Success;
    }
}
