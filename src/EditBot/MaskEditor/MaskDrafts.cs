using System.Text.Json;
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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveAsync(MaskDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return store.SetAsync(Scope, draft.LinkId, JsonSerializer.Serialize(draft, Json), cancellationToken);
    }

    public async Task<MaskDraft?> GetAsync(string linkId, CancellationToken cancellationToken) =>
        (await ReadAsync(linkId, cancellationToken)).Draft;

    /// <summary>Applies <paramref name="change"/> to the stored draft and writes it only if nobody changed it meanwhile.</summary>
    /// <returns>The draft as written, or null when <paramref name="change"/> declined (returned null) or the draft is gone.</returns>
    public async Task<MaskDraft?> UpdateAsync(string linkId, Func<MaskDraft, MaskDraft?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            var (draft, raw) = await ReadAsync(linkId, cancellationToken);
            if (draft is null || change(draft) is not { } changed)
            {
                return null;
            }

            if (await store.CompareAndSetAsync(Scope, linkId, raw, JsonSerializer.Serialize(changed, Json), cancellationToken))
            {
                return changed;
            }
        }
    }

    /// <summary>Deletes drafts that expired before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (key, raw) in await store.ListAsync(Scope, cancellationToken))
        {
            if (Parse(raw) is not { } draft || draft.ExpiresAt < cutoff)
            {
                removed += await store.DeleteAsync(Scope, key, cancellationToken) ? 1 : 0;
            }
        }

        return removed;
    }

    private async Task<(MaskDraft? Draft, string? Raw)> ReadAsync(string linkId, CancellationToken cancellationToken)
    {
        var raw = await store.GetAsync(Scope, linkId, cancellationToken);
        return (raw is null ? null : Parse(raw), raw);
    }

    private static MaskDraft? Parse(string raw)
    {
        try
        {
            return JsonSerializer.Deserialize<MaskDraft>(raw, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
