using System.Text.Json;
using EditBot.Gmi.Wire;

namespace EditBot.Gmi;

/// <summary>Parses the model and upload-url answers.</summary>
internal static class GmiModelReader
{
    public static GmiModelInfo ReadModel(string json, string requestedId)
    {
        var dto = JsonSerializer.Deserialize(json, GmiJsonContext.Default.ModelDto) ?? throw new JsonException("The model answer is null.");
        var price = dto.PriceInfo is { } p ? new GmiPriceInfo(p.Price, p.PricingType, p.Unit) : null;
        return new GmiModelInfo(dto.Id ?? dto.ModelId ?? dto.Name ?? requestedId, price, dto.Parameters ?? []);
    }

    public static IReadOnlyList<string> ReadModelIds(string json)
    {
        var dto = JsonSerializer.Deserialize(json, GmiJsonContext.Default.ModelListDto) ?? throw new JsonException("The model list is null.");
        var entries = dto.ModelIds ?? dto.Models ?? throw new JsonException("The model list has neither model_ids nor models.");
        var ids = new List<string>();
        foreach (var entry in entries)
        {
            if (entry.ValueKind == JsonValueKind.String && entry.GetString() is { Length: > 0 } id)
            {
                ids.Add(id);
            }
            else if (entry.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in new[] { "id", "model_id", "model", "name" })
                {
                    if (entry.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } found)
                    {
                        ids.Add(found);
                        break;
                    }
                }
            }
        }

        return ids;
    }

    public static GmiUploadTarget ReadUploadTarget(string json, string fileType)
    {
        var dto = JsonSerializer.Deserialize(json, GmiJsonContext.Default.UploadUrlDto) ?? throw new JsonException("The upload-url answer is null.");
        if (!Uri.TryCreate(dto.UploadUrl, UriKind.Absolute, out var uploadUrl) || string.IsNullOrWhiteSpace(dto.PublicUrl))
        {
            throw new JsonException("The upload-url answer lacks upload_url or public_url.");
        }

        return new GmiUploadTarget(uploadUrl, dto.PublicUrl, dto.ContentType ?? MediaTypes.ForFileType(fileType));
    }
}
