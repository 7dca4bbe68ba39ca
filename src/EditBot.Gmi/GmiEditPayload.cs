namespace EditBot.Gmi;

/// <summary>The payload of one gpt-image-2-edit request. Image and Mask are public URLs or raw base64.</summary>
public sealed record GmiEditPayload(string Prompt, string Image, string? Mask, string Size, string Quality, int N);
