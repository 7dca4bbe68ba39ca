using System.Text.Json;
using EditBot.Core.Backend;
using EditBot.Gmi.Wire;
using Microsoft.Extensions.Logging;

namespace EditBot.Gmi.Parsing;

/// <summary>Turns one request record (JSON text or a list's element) into a <see cref="GmiRequestRecord"/>. Throws JsonException when malformed.</summary>
internal static class RequestRecordParser
{
    public static GmiRequestRecord Parse(string json, ILogger logger) =>
        FromDto(JsonSerializer.Deserialize(json, GmiJsonContext.Default.RequestRecordDto), () => json, logger);

    /// <summary>One record of a list, read from its element without a round trip through a string.</summary>
    public static GmiRequestRecord Parse(JsonElement element, ILogger logger) =>
        FromDto(element.Deserialize(GmiJsonContext.Default.RequestRecordDto), element.GetRawText, logger);

    private static GmiRequestRecord FromDto(RequestRecordDto? dto, Func<string> rawJson, ILogger logger)
    {
        var record = dto ?? throw new JsonException("The request record is null.");
        if (string.IsNullOrWhiteSpace(record.RequestId))
        {
            throw new JsonException("The request record has no request_id.");
        }

        var rawStatus = record.Status ?? string.Empty;
        var status = RemoteStatusParser.Parse(rawStatus);
        if (status == RemoteStatus.Unknown)
        {
            UnknownStatusLog.Report(logger, rawStatus, record.RequestId);
        }

        string? reason = null;
        var kind = RemoteFailureKind.None;
        if (status is RemoteStatus.Failed or RemoteStatus.Cancelled)
        {
            reason = FailureTextReader.Read(record, rawJson);
            kind = status == RemoteStatus.Failed ? FailureClassifier.Classify(reason) : RemoteFailureKind.Other;
        }

        var media = status == RemoteStatus.Success ? MediaUrlReader.Read(record.Outcome) : [];
        var remote = new RemoteRequest(record.RequestId, status, rawStatus, media, reason, kind, TimestampReader.Read(record.CreatedAt));
        return new GmiRequestRecord(remote, record.Model, ReadPayload(record.Payload));
    }

    private static GmiEditPayload? ReadPayload(JsonElement? payload)
    {
        try
        {
            var dto = payload switch
            {
                { ValueKind: JsonValueKind.Object } p => p.Deserialize(GmiJsonContext.Default.EditPayloadDto),
                // Some queues echo the payload as a JSON string.
                { ValueKind: JsonValueKind.String } s => JsonSerializer.Deserialize(s.GetString() ?? "null", GmiJsonContext.Default.EditPayloadDto),
                _ => null,
            };
            return dto is { Prompt: { } prompt, Image: { } image }
                ? new GmiEditPayload(prompt, image, dto.Mask, dto.Size ?? GmiDefaults.Size, dto.Quality ?? GmiDefaults.Quality, dto.N ?? 1)
                : null;
        }
        catch (JsonException)
        {
            // An odd payload only means this record cannot be matched during reconciliation.
            return null;
        }
    }
}
