using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Bot.History;

/// <summary>One page of a person's edits, newest first, with where it stands among them.</summary>
/// <param name="Number">1 for the newest page; counted from the edits newer than the page's first.</param>
/// <param name="Pages">How many pages all the person's edits make now (at least <paramref name="Number"/>).</param>
public sealed record HistoryPage(IReadOnlyList<Job> Jobs, int Number, int Pages, bool HasNewer, bool HasOlder)
{
    public const int Size = 10;

    /// <summary>What the Previous button shows: the edits newer than this page's first; null on the first page.</summary>
    public HistoryPageKey? Previous => HasNewer ? new(Older: false, JobPosition.Of(Jobs[0])) : null;

    /// <summary>What the Next button shows: the edits older than this page's last; null on the last page.</summary>
    public HistoryPageKey? Next => HasOlder ? new(Older: true, JobPosition.Of(Jobs[^1])) : null;
}
