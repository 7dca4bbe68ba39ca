namespace EditBot.Discord.Rest;

/// <summary>A file to upload with a message: becomes a <c>files[n]</c> part and <c>attachments[n]</c> entry.</summary>
/// <param name="FileName">Shown in Discord; reference it in embeds as <c>attachment://FileName</c>.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">MIME type, e.g. image/png.</param>
/// <param name="Description">Alt text.</param>
public sealed record DiscordFile(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "application/octet-stream", string? Description = null);
