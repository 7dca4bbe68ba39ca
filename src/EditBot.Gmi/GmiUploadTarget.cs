namespace EditBot.Gmi;

/// <summary>
/// Answer of POST /upload-url: PUT the bytes to <see cref="UploadUrl"/> with exactly <see cref="ContentType"/>
/// (it is part of the signature), then send <see cref="PublicUrl"/> as the image. UploadUrl carries a signed
/// query string: never log it whole.
/// </summary>
public sealed record GmiUploadTarget(Uri UploadUrl, string PublicUrl, string ContentType);
