namespace EditBot.TestSupport.Discord;

/// <summary>Discord's upload limits: per file (the guild's, 10 MiB without boosts) and per request.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly List<string> _uploadRefusals = [];

    /// <summary>
    /// The per-file upload limit (Discord: 10 MiB unless the server is boosted; interactions carry it as
    /// <c>attachment_size_limit</c>, so a test that lowers it should send the same value in its interactions).
    /// </summary>
    public long AttachmentSizeLimit { get; set; } = 10 * 1024 * 1024;

    /// <summary>All files of one request together (Discord: 25 MiB).</summary>
    public long RequestUploadLimit { get; set; } = 25 * 1024 * 1024;

    /// <summary>Every upload the fake refused with 413 40005 (file names and sizes).</summary>
    public IReadOnlyList<string> UploadRefusals
    {
        get
        {
            lock (_sync)
            {
                return [.. _uploadRefusals];
            }
        }
    }

    /// <summary>Null when the files fit; else Discord's 413 40005 (called under the lock).</summary>
    private FakeResult? UploadTooLarge(IReadOnlyList<FakeUploadedFile> files)
    {
        var total = files.Sum(f => (long)f.Bytes.Length);
        var tooBig = files.Where(f => f.Bytes.Length > AttachmentSizeLimit).ToList();
        if (tooBig.Count == 0 && total <= RequestUploadLimit)
        {
            return null;
        }

        _uploadRefusals.Add(string.Join(", ", files.Select(f => $"{f.FileName} ({f.Bytes.Length} bytes)")) + $"; limit {AttachmentSizeLimit} per file, {RequestUploadLimit} in all");
        return FakeResult.Error(413, 40005, "Request entity too large");
    }
}
