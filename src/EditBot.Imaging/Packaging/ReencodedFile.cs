namespace EditBot.Imaging.Packaging;

/// <summary>A result re-encoded to fit a size limit, with words for the user ("lossless WebP").</summary>
internal sealed record ReencodedFile(byte[] Content, string MediaType, string Extension, string Description);
