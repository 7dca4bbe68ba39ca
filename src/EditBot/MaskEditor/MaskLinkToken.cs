namespace EditBot.MaskEditor;

/// <summary>What a mask-editor link says: which draft, for whom, for which image, until when.</summary>
/// <param name="LinkId">The draft's id (16 random bytes as 32 hex digits).</param>
/// <param name="ImageTag">The first 8 bytes of the SHA-256 of the image's blob id: binds the link to its image.</param>
public sealed record MaskLinkToken(string LinkId, ulong UserId, DateTimeOffset ExpiresAt, ulong ImageTag);
