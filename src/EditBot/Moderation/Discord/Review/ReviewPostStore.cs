using System.Globalization;
using System.Text.Json;
using EditBot.Core.Storage;

namespace EditBot.Moderation.Discord;

/// <summary>The review post of each job waiting for review, in the key-value store (scope "moderation-review-posts", key = job id).</summary>
public sealed class ReviewPostStore(IKeyValueStore store)
{
    public const string Scope = "moderation-review-posts";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveAsync(Guid jobId, ReviewPost post, CancellationToken cancellationToken) =>
        store.SetAsync(Scope, Key(jobId), JsonSerializer.Serialize(post, Json), cancellationToken);

    public async Task<ReviewPost?> GetAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(Scope, Key(jobId), cancellationToken);
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ReviewPost>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task<bool> RemoveAsync(Guid jobId, CancellationToken cancellationToken) => store.DeleteAsync(Scope, Key(jobId), cancellationToken);

    private static string Key(Guid jobId) => jobId.ToString("N", CultureInfo.InvariantCulture);
}
