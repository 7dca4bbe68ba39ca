namespace EditBot.Gmi.Wire;

internal sealed record UploadUrlRequestDto(string FileType);
