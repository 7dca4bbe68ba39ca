using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace EditBot.Discord.HttpInteractions;

/// <summary>
/// Checks Discord's Ed25519 signature of an interaction request: <c>X-Signature-Ed25519</c> (hex) over the UTF-8
/// bytes of <c>X-Signature-Timestamp</c> followed by the raw body, with the application's public key. Discord sends
/// badly signed requests on purpose and removes endpoints that accept them.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    private const int SignatureLength = 64;
    private readonly PublicKey _publicKey;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public InteractionSignatureVerifier(IOptions<DiscordOptions> options, IOptions<HttpInteractionsOptions> httpOptions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpOptions);
        _publicKey = ParsePublicKey(options.Value.PublicKey)
            ?? throw new InvalidOperationException(PublicKeyValidation.Message);
        _time = time;
        _tolerance = httpOptions.Value.TimestampTolerance;
    }

    /// <summary>True when the signature is valid and the timestamp within the tolerance of now.</summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp) || signatureHex.Length != SignatureLength * 2)
        {
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - unixSeconds) > _tolerance.TotalSeconds)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureLength];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != SignatureLength)
        {
            return false;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var signed = ArrayPool<byte>.Shared.Rent(timestampLength + body.Length);
        try
        {
            Encoding.UTF8.GetBytes(timestamp, signed);
            body.CopyTo(signed.AsSpan(timestampLength));
            return SignatureAlgorithm.Ed25519.Verify(_publicKey, signed.AsSpan(0, timestampLength + body.Length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(signed);
        }
    }

    /// <summary>The key from its hex form, or null when it is not a 32-byte hex string.</summary>
    internal static PublicKey? ParsePublicKey(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex) || hex.Length != 64)
        {
            return null;
        }

        Span<byte> raw = stackalloc byte[32];
        if (Convert.FromHexString(hex, raw, out _, out var written) != OperationStatus.Done || written != 32)
        {
            return null;
        }

        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) ? key : null;
    }
}
