using System.Security.Cryptography;
using EditBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace EditBot.MaskEditor;

/// <summary>
/// The signer for mask links: with <c>Http:MaskLinkKey</c> set, that key; otherwise a key generated once and kept in the
/// store (written with compare-and-set, so two instances starting together agree on one key), read once per process.
/// </summary>
public sealed class MaskLinkKeys(IKeyValueStore store, IOptions<MaskEditorOptions> options) : IDisposable
{
    public const string Scope = "mask-editor";
    public const string KeyName = "hmac-key";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MaskLinkSigner? _signer;

    public async Task<MaskLinkSigner> GetSignerAsync(CancellationToken cancellationToken)
    {
        if (_signer is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _signer ??= new MaskLinkSigner(await LoadKeyAsync(cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MaskLinkKey is { Length: > 0 } configured)
        {
            return MaskLinkSigner.TryDecodeKey(configured) ?? throw new InvalidOperationException("Http:MaskLinkKey is not base64 of 32 bytes or more.");
        }

        while (true)
        {
            if (await store.GetAsync(Scope, KeyName, cancellationToken) is { } stored && MaskLinkSigner.TryDecodeKey(stored) is { } key)
            {
                return key;
            }

            var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            if (await store.CompareAndSetAsync(Scope, KeyName, null, generated, cancellationToken))
            {
                return Convert.FromBase64String(generated);
            }
        }
    }
}
