using EditBot.Core.Backend;

namespace EditBot.Gmi;

/// <summary>A parsed request record plus what reconciliation needs: the model and the echoed payload (when sent).</summary>
public sealed record GmiRequestRecord(RemoteRequest Request, string? Model, GmiEditPayload? Payload);
