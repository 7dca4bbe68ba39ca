using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Gmi;

/// <summary>Writes request records in GMI's shape.</summary>
internal static class FakeGmiRecordWriter
{
    public static JsonObject Write(FakeGmiRequest request, DateTimeOffset now, Uri root, FakeGmiOutcomeShape shape)
    {
        var status = request.StatusAt(now);
        var terminal = request.IsTerminalAt(now);
        var record = new JsonObject
        {
            ["request_id"] = request.RequestId,
            ["org_id"] = "org-fake",
            ["model"] = request.Model,
            ["status"] = status,
            ["payload"] = request.Payload is { } payload ? JsonNode.Parse(payload) : null,
            ["outcome"] = terminal ? Outcome(request, status, root, shape) : null,
            ["qworker_id"] = terminal ? "qworker-fake-1" : null,
            ["created_at"] = request.CreatedAt.ToUnixTimeSeconds(),
            ["updated_at"] = (terminal ? request.CreatedAt + request.Duration : now).ToUnixTimeSeconds(),
            ["queued_at"] = request.CreatedAt.ToUnixTimeSeconds(),
        };
        return record;
    }

    public static string MediaPath(FakeGmiRequest request, int index) => $"/media/{request.RequestId}/{index}.png";

    private static JsonObject? Outcome(FakeGmiRequest request, string status, Uri root, FakeGmiOutcomeShape shape)
    {
        if (request.FailureText is { } failure)
        {
            return new JsonObject { ["error"] = failure };
        }

        if (!status.Equals("success", StringComparison.OrdinalIgnoreCase))
        {
            return status.Equals("failed", StringComparison.OrdinalIgnoreCase) ? new JsonObject { ["error"] = "failed" } : null;
        }

        var urls = Enumerable.Range(0, request.N).Select(i => new Uri(root, MediaPath(request, i)).ToString()).ToList();
        return shape switch
        {
            FakeGmiOutcomeShape.ImageUrl => new JsonObject { ["image_url"] = urls[0] },
            FakeGmiOutcomeShape.Medias => new JsonObject { ["medias"] = new JsonArray([.. urls.Select(u => (JsonNode)JsonValue.Create(u))]) },
            _ => new JsonObject
            {
                ["media_urls"] = new JsonArray([.. urls.Select((u, i) => (JsonNode)new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["url"] = u })]),
                ["thumbnail_image_url"] = urls[0],
            },
        };
    }
}
