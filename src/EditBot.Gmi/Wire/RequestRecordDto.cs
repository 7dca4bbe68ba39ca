using System.Text.Json;

namespace EditBot.Gmi.Wire;

/// <summary>
/// A request record as GMI sends it. The loosely specified parts (payload, outcome, timestamps, error texts) stay
/// JSON elements so odd shapes parse instead of failing.
/// </summary>
internal sealed class RequestRecordDto
{
    public string? RequestId { get; set; }

    public string? Model { get; set; }

    public string? Status { get; set; }

    public JsonElement? Payload { get; set; }

    public JsonElement? Outcome { get; set; }

    public JsonElement? CreatedAt { get; set; }

    public JsonElement? Error { get; set; }

    public JsonElement? Message { get; set; }
}
