using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace EditBot.MaskEditor;

/// <summary>
/// Signs and checks mask-editor tokens: base64url of a 41-byte payload (version 1, link id, user id, expiry in Unix
/// seconds, image tag) followed by its HMAC-SHA256. A token reveals no secret; it only proves the bot issued it.
/// </summary>
public sealed class MaskLinkSigner(byte[] key)
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 16 + 8 + 8 + 8;
    private const int MacLength = 32;

    private readonly byte[] _key = key.Length >= 32 ? key : throw new ArgumentException("A mask link key has at least 32 bytes.", nameof(key));

    public static byte[]? TryDecodeKey(string text)
    {
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            return bytes.Length >= 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The tag binding a link to its image blob.</summary>
    public static ulong ImageTag(string imageBlobId) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(imageBlobId)));

    public string Sign(MaskLinkToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var bytes = new byte[PayloadLength + MacLength];
        var payload = bytes.AsSpan(0, PayloadLength);
        payload[0] = Version;
        if (!Convert.FromHexString(token.LinkId).AsSpan().TryCopyTo(payload.Slice(1, 16)) || token.LinkId.Length != 32)
        {
            throw new ArgumentException("A link id is 32 hex digits.", nameof(token));
        }

        BinaryPrimitives.WriteUInt64BigEndian(payload.Slice(17, 8), token.UserId);
        BinaryPrimitives.WriteInt64BigEndian(payload.Slice(25, 8), token.ExpiresAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt64BigEndian(payload.Slice(33, 8), token.ImageTag);
        HMACSHA256.HashData(_key, payload, bytes.AsSpan(PayloadLength));
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>The token's contents when its signature holds; null for anything malformed or forged.</summary>
    public MaskLinkToken? Verify(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != PayloadLength + MacLength || bytes[0] != Version)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(_key, bytes.AsSpan(0, PayloadLength), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PayloadLength)))
        {
            return null;
        }

        var payload = bytes.AsSpan(0, PayloadLength);
        return new MaskLinkToken(
            Convert.ToHexString(payload.Slice(1, 16)).ToLowerInvariant(),
            BinaryPrimitives.ReadUInt64BigEndian(payload.Slice(17, 8)),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.Slice(25, 8))),
            BinaryPrimitives.ReadUInt64BigEndian(payload.Slice(33, 8)));
    }
}
