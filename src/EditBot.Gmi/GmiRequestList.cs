namespace EditBot.Gmi;

/// <summary>GET /requests?model_id=X. Total is the server's count (may exceed the records returned).</summary>
public sealed record GmiRequestList(IReadOnlyList<GmiRequestRecord> Requests, int Total);
