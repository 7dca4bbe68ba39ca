namespace EditBot.Gmi.Wire;

/// <summary>The body of POST /requests.</summary>
internal sealed record SubmitBody(string Model, EditPayloadDto Payload);
