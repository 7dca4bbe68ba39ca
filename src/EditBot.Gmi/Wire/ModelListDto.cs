using System.Text.Json;

namespace EditBot.Gmi.Wire;

/// <summary>GET /models: GMI's docs name the list "model_ids", its SDK "models"; entries are ids or objects.</summary>
internal sealed class ModelListDto
{
    public List<JsonElement>? ModelIds { get; set; }

    public List<JsonElement>? Models { get; set; }
}
