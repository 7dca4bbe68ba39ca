using System.Diagnostics;
using System.Reflection;

namespace EditBot.Benchmarks.Imaging;

/// <summary>
/// Runs this benchmark program again as a fresh child process, for memory figures that a warm process would hide
/// (memory freed by earlier runs is reused).
/// </summary>
internal static class ChildRun
{
    /// <returns>The rest of the child's first output line that starts with <paramref name="prefix"/>, or null.</returns>
    public static string? Line(IEnumerable<string> arguments, string prefix)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line?[prefix.Length..].Trim();
    }
}
