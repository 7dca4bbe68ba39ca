namespace EditBot.Tests.Architecture;

/// <summary>The repository's folders, found above the test binaries (or this source file) by EditBot.sln.</summary>
internal static class SourceTree
{
    public static string Root([System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(caller) ?? string.Empty })
        {
            for (var dir = new DirectoryInfo(start); dir is not null && dir.Exists; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EditBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("EditBot.sln not found above the test binaries or this source file.");
    }

    public static string Source => Path.Combine(Root(), "src");
}
