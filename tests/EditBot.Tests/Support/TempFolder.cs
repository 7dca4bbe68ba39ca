namespace EditBot.Tests.Support;

/// <summary>Removes a harness's temporary folder at disposal, best effort (SQLite may still hold a file for a moment).</summary>
public static class TempFolder
{
    public static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp folders later.
        }
    }
}
