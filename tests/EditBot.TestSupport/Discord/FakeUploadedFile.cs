namespace EditBot.TestSupport.Discord;

/// <summary>One file part of a multipart request, as received.</summary>
public sealed record FakeUploadedFile(string PartName, string FileName, string ContentType, byte[] Bytes);
