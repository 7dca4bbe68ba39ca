namespace EditBot.Imaging.Packaging;

/// <summary>
/// The files for one Discord message (within the file-count and total-size limits) and notes to show with them,
/// e.g. which files were re-encoded to fit the server's upload limit.
/// </summary>
public sealed record PackagedMessage(IReadOnlyList<PackagedFile> Files, IReadOnlyList<string> Notes)
{
    public long TotalBytes => Files.Sum(f => f.Length);
}
