using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace EditBot.TestSupport.Discord.Inject;

/// <summary>
/// Plays Discord's side of the HTTP interactions endpoint: holds an Ed25519 key pair (give <see cref="PublicKeyHex"/>
/// to the bot as <c>Discord:PublicKey</c>) and POSTs interaction bodies signed over timestamp + body, correctly or
/// deliberately wrong or stale.
/// </summary>
public sealed class SignedInteractionSender : IDisposable
{
    private readonly Key _key;
    private readonly Key _otherKey;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;

    public SignedInteractionSender(HttpClient? http = null, TimeProvider? time = null)
    {
        var creation = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None };
        _key = Key.Create(SignatureAlgorithm.Ed25519, creation);
        _otherKey = Key.Create(SignatureAlgorithm.Ed25519, creation);
        _ownsHttp = http is null;
        _http = http ?? new HttpClient();
        _time = time ?? TimeProvider.System;
        PublicKeyHex = Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key as 64 lowercase hex digits, the form the Developer Portal shows.</summary>
    public string PublicKeyHex { get; }

    /// <summary>The hex signature Discord would send for <paramref name="timestamp"/> + <paramref name="body"/>.</summary>
    public string Sign(string timestamp, string body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body)));

    public Task<HttpResponseMessage> SendAsync(Uri endpoint, JsonNode body, InteractionSignature signature = InteractionSignature.Valid, DateTimeOffset? signedAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return SendAsync(endpoint, body.ToJsonString(), signature, signedAt, cancellationToken);
    }

    /// <summary>
    /// POSTs <paramref name="body"/> with <c>X-Signature-Ed25519</c> and <c>X-Signature-Timestamp</c>.
    /// <paramref name="signedAt"/> defaults to now (on the sender's TimeProvider); pass an old time for a stale request.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Uri endpoint, string body, InteractionSignature signature = InteractionSignature.Valid, DateTimeOffset? signedAt = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var timestamp = (signedAt ?? _time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(timestamp + body);
        string? hex = signature switch
        {
            InteractionSignature.Valid => Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, signed)),
            InteractionSignature.Tampered => Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body + " "))),
            InteractionSignature.WrongKey => Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_otherKey, signed)),
            _ => null,
        };
        if (hex is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", hex);
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        return await _http.SendAsync(request, cancellationToken);
    }

    /// <summary>A correctly signed PING (type 1); the endpoint must answer <c>{"type":1}</c>.</summary>
    public Task<HttpResponseMessage> SendPingAsync(Uri endpoint, CancellationToken cancellationToken = default) =>
        SendAsync(endpoint, InteractionPayloads.Ping(), InteractionSignature.Valid, null, cancellationToken);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
