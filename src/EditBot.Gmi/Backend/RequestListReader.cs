namespace EditBot.Gmi.Backend;

/// <summary>
/// Reads GET /requests page by page, within a bound, for reconciliation. GMI documents neither paging parameters nor
/// an order [G], so the reader trusts only what it can check: it stops when a page brings no new record (the server
/// ignores paging, or the list ended) and calls the read complete only when it holds as many records as `total`.
/// </summary>
internal static class RequestListReader
{
    public static async Task<(IReadOnlyList<GmiRequestRecord> Records, int Total)> ReadAsync(
        GmiClient client, GmiOptions options, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, GmiRequestRecord>(StringComparer.Ordinal);
        var total = 0;
        for (var page = 1; page <= options.ReconcileMaxPages; page++)
        {
            var list = await client.ListAsync(options.Model, page, options.ReconcilePageSize, cancellationToken);
            total = Math.Max(total, list.Total);
            var added = list.Requests.Count(r => byId.TryAdd(r.Request.RequestId, r));
            if (added == 0 || byId.Count >= total)
            {
                break;
            }
        }

        return ([.. byId.Values], total);
    }
}
