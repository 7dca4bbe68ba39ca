using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord;

/// <summary>An answer of the fake: status, JSON body (or a raw non-JSON body, as proxies send) and extra headers.</summary>
public sealed record FakeResult(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A body that is not JSON (an HTML error page, Cloudflare's plain text), sent instead of <see cref="Body"/>.</summary>
    public string? RawBody { get; init; }

    public string RawContentType { get; init; } = "text/html; charset=UTF-8";

    public static FakeResult Ok(JsonNode body) => new(200, body);

    public static FakeResult NoContent { get; } = new(204, null);

    /// <summary>Discord's error body <c>{message, code}</c>.</summary>
    public static FakeResult Error(int status, int code, string message, JsonNode? errors = null)
    {
        var body = new JsonObject { ["message"] = message, ["code"] = code };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return new(status, body);
    }

    public static FakeResult NotFound(int code, string what) => Error(404, code, "Unknown " + what);

    public static FakeResult Forbidden(int code = 50013) => Error(403, code, code == 50001 ? "Missing Access" : "Missing Permissions");

    public static FakeResult InvalidForm(string field, string message) =>
        Error(400, 50035, "Invalid Form Body", new JsonObject { [field] = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = "BASE_TYPE_INVALID", ["message"] = message }) } });
}
