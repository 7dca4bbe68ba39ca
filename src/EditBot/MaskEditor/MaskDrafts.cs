using EditBot.Core.Storage;

namespace EditBot.MaskEditor;

/// <summary>
/// Mask drafts in the store. Every change of state is a compare-and-set on the record, so one link is submitted once
/// even when two tabs, two instances or a double click submit it at the same moment.
/// </summary>
public sealed class MaskDrafts(IKeyValueStore store)
{
    public const string Scope = "mask-drafts";

    /// <summary>A claim older than this was left by a process that stopped mid-submit; the link may be submitted again.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(3);

    private readonly KeyValueRecords<MaskDraft> _records = new(store, Scope);

    public Task SaveAsync(MaskDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return _records.SetAsync(draft.LinkId, draft, cancellationToken);
    }

    public Task<MaskDraft?> GetAsync(string linkId, CancellationToken cancellationToken) => _records.GetAsync(linkId, cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the stored draft and writes it only if nobody changed it meanwhile.</summary>
    /// <returns>The draft as written, or null when <paramref name="change"/> declined (returned null) or the draft is gone.</returns>
    public Task<MaskDraft?> UpdateAsync(string linkId, Func<MaskDraft, MaskDraft?> change, CancellationToken cancellationToken) =>
        _records.UpdateAsync(linkId, change, cancellationToken);

    /// <summary>Deletes drafts that expired before <paramref name="cutoff"/> (and any that no longer read); returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (key, draft) in await _records.ListAsync(cancellationToken))
        {
            if (draft is null || draft.ExpiresAt < cutoff)
            {
                removed += await _records.RemoveAsync(key, cancellationToken) ? 1 : 0;
            }
        }

        return removed;
    }
}
