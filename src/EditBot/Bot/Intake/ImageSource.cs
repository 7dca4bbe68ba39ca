namespace EditBot.Bot.Intake;

/// <summary>Where an input image comes from: a Discord attachment (downloaded at intake) or a stored blob (a result being refined or re-rolled).</summary>
public sealed record ImageSource(Uri? Url, string? BlobId, string? FileName = null)
{
    public static ImageSource FromUrl(Uri url, string? fileName = null) => new(url, null, fileName);

    public static ImageSource FromBlob(string blobId) => new(null, blobId);
}
