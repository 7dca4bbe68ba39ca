using System.Text.Json;

namespace EditBot.Gmi.Wire;

/// <summary>GET /requests?model_id=X. Records stay raw so one odd record cannot spoil the whole list.</summary>
internal sealed class RequestListDto
{
    public List<JsonElement>? Requests { get; set; }

    public int? Total { get; set; }
}
