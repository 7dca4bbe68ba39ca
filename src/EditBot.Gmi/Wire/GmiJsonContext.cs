using System.Text.Json;
using System.Text.Json.Serialization;

namespace EditBot.Gmi.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SubmitBody))]
[JsonSerializable(typeof(EditPayloadDto))]
[JsonSerializable(typeof(RequestRecordDto))]
[JsonSerializable(typeof(RequestListDto))]
[JsonSerializable(typeof(ModelDto))]
[JsonSerializable(typeof(ModelListDto))]
[JsonSerializable(typeof(UploadUrlRequestDto))]
[JsonSerializable(typeof(UploadUrlDto))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class GmiJsonContext : JsonSerializerContext;
