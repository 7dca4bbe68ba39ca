using System.Globalization;
using EditBot.Core.Storage;

namespace EditBot.Moderation.Discord;

/// <summary>The review post of each job waiting for review, in the key-value store (scope "moderation-review-posts", key = job id).</summary>
public sealed class ReviewPostStore(IKeyValueStore store)
{
    public const string Scope = "moderation-review-posts";
    private readonly KeyValueRecords<ReviewPost> _records = new(store, Scope);

    public Task SaveAsync(Guid jobId, ReviewPost post, CancellationToken cancellationToken) => _records.SetAsync(Key(jobId), post, cancellationToken);

    public Task<ReviewPost?> GetAsync(Guid jobId, CancellationToken cancellationToken) => _records.GetAsync(Key(jobId), cancellationToken);

    public Task<bool> RemoveAsync(Guid jobId, CancellationToken cancellationToken) => _records.RemoveAsync(Key(jobId), cancellationToken);

    private static string Key(Guid jobId) => jobId.ToString("N", CultureInfo.InvariantCulture);
}
