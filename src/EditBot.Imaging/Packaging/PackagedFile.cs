namespace EditBot.Imaging.Packaging;

/// <summary>One attachment ready to upload. <see cref="Reencoded"/> is true when it is not the model's original file.</summary>
public sealed record PackagedFile(string FileName, string MediaType, ReadOnlyMemory<byte> Content, bool Reencoded)
{
    public long Length => Content.Length;
}
