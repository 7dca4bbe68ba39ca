using System.Text.Json;

namespace EditBot.Gmi.Wire;

/// <summary>GET /models/{id}.</summary>
internal sealed class ModelDto
{
    public string? Id { get; set; }

    public string? ModelId { get; set; }

    public string? Name { get; set; }

    public PriceInfoDto? PriceInfo { get; set; }

    public List<JsonElement>? Parameters { get; set; }
}
