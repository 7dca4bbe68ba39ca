using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EditBot.TestSupport.Discord;

/// <summary>A routed request: path parameters, JSON body (or payload_json) and uploaded files.</summary>
public sealed record FakeCall(HttpContext Http, IReadOnlyDictionary<string, string> Parameters, JsonObject? Json, JsonNode? JsonNode, IReadOnlyList<FakeUploadedFile> Files)
{
    public ulong Id(string parameter) => ulong.Parse(Parameters[parameter]);

    public string Text(string parameter) => Parameters[parameter];

    public bool Query(string name) => string.Equals(Http.Request.Query[name].ToString(), "true", StringComparison.OrdinalIgnoreCase);
}
