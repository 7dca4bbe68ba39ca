namespace EditBot.Tests.Support.Twin;

/// <summary>
/// <c>tests/third-party</c>: the npm packages of third-party Discord-compatible servers that end-to-end tests start.
/// Found from the test binary by walking up to <c>EditBot.sln</c>, so it works from any output folder.
/// </summary>
public static class ThirdPartyFolder
{
    /// <summary>The folder, after checking that <paramref name="package"/> is installed in its node_modules.</summary>
    public static string Require(string package)
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "tests", "third-party");
        var installed = Path.Combine(folder, "node_modules", package, "package.json");

        // A missing install is a failure, never a skip: a suite that quietly skips its only real-emulator test proves nothing.
        if (!File.Exists(installed))
        {
            throw new InvalidOperationException(
                $"{package} is not installed in {Path.Combine(folder, "node_modules")}: run ./test.sh (it runs `npm ci` there) from {root}.");
        }

        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EditBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No EditBot.sln above {AppContext.BaseDirectory}: the tests must run from a build inside the repository.");
    }
}
