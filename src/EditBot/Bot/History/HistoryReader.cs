using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Bot.History;

/// <summary>
/// Reads a page of a person's edits by keyset from the job store: the first page, the page older than a position
/// (Next) or the page newer than one (Previous). Nothing is kept between pages but the position in the button.
/// </summary>
public sealed class HistoryReader(IJobStore store)
{
    public async Task<HistoryPage> ReadAsync(ulong userId, HistoryPageKey? key, CancellationToken cancellationToken)
    {
        var mine = new JobQuery { RequesterKey = OriginKeys.User(userId), Limit = HistoryPage.Size + 1 };
        if (key is { Older: true })
        {
            var older = await store.ListAsync(mine with { OlderThan = key.Position }, cancellationToken);
            if (older.Count > 0)
            {
                return await NumberAsync(mine, [.. older.Take(HistoryPage.Size)], hasNewer: true, hasOlder: older.Count > HistoryPage.Size, cancellationToken);
            }
        }
        else if (key is { Older: false })
        {
            // The page just before the position, read from its end; with no more than a page newer, that is the first page.
            var newer = await store.ListAsync(mine with { NewerThan = key.Position, OldestFirst = true }, cancellationToken);
            if (newer.Count > HistoryPage.Size)
            {
                return await NumberAsync(mine, [.. newer.Take(HistoryPage.Size).Reverse()], hasNewer: true, hasOlder: true, cancellationToken);
            }
        }

        var first = await store.ListAsync(mine, cancellationToken);
        return await NumberAsync(mine, [.. first.Take(HistoryPage.Size)], hasNewer: false, hasOlder: first.Count > HistoryPage.Size, cancellationToken);
    }

    private async Task<HistoryPage> NumberAsync(
        JobQuery mine, IReadOnlyList<Job> jobs, bool hasNewer, bool hasOlder, CancellationToken cancellationToken)
    {
        // Counts ignore the limit. Edits made since the first page was read shift the pages: round up, so a page with
        // newer edits is never called the first.
        var newer = hasNewer ? await store.CountAsync(mine with { NewerThan = JobPosition.Of(jobs[0]) }, cancellationToken) : 0;
        var number = PagesFor(newer) + 1;
        var total = await store.CountAsync(mine, cancellationToken);
        return new HistoryPage(jobs, number, Math.Max(number, PagesFor(total)), hasNewer, hasOlder);
    }

    private static int PagesFor(int jobs) => (jobs + HistoryPage.Size - 1) / HistoryPage.Size;
}
