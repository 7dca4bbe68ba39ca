using System.Diagnostics;
using System.Globalization;

namespace EditBot.Benchmarks.Imaging;

/// <summary>Runs the vips command line under GNU time, on one thread (VIPS_CONCURRENCY=1), and reads CPU time and peak RSS.</summary>
internal static class VipsRunner
{
    public sealed record Measurement(double WallSeconds, double CpuSeconds, long PeakBytes);

    public static bool IsAvailable() => File.Exists("/usr/bin/time") && Run("vips", ["--version"]) is not null;

    public static Measurement? Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("TIME %e %U %S %M");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["VIPS_CONCURRENCY"] = "1";
        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var line = stderr.Split('\n').LastOrDefault(l => l.StartsWith("TIME ", StringComparison.Ordinal));
            if (process.ExitCode != 0 || line is null)
            {
                Console.Error.WriteLine($"{program} failed: {stderr}");
                return null;
            }

            var f = line.Split(' ');
            double Number(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            return new Measurement(Number(1), Number(2) + Number(3), (long)Number(4) * 1024);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
