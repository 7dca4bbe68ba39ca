using System.Globalization;
using EditBot.Imaging;
using EditBot.Imaging.Decoding;
using EditBot.Imaging.Intake;
using EditBot.Imaging.Packaging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace EditBot.Benchmarks.Imaging;

/// <summary>
/// Peak memory of one operation, measured in a fresh child process: in a warm process, memory freed by earlier
/// iterations is reused and the operation seems to cost nothing. The child warms Skia up on a tiny image, notes
/// its resident size, runs the operation once and reports how far the high-water mark rose above that.
/// </summary>
internal static class PeakMemoryProbe
{
    public const string Flag = "--peak";

    /// <summary>Per-file limit for the packaging runs: under the 4.7 MB results, over their 3 MB lossless WebP.</summary>
    public const long PackageLimit = 4 * 1024 * 1024;

    /// <summary>Parent side: runs this program again as a child for <paramref name="operation"/>.</summary>
    public static long? Measure(string operation, IReadOnlyList<string> files)
    {
        var peak = ChildRun.Line(["load", "imaging", Flag, operation, .. files], "PEAK ");
        return peak is null ? null : long.Parse(peak, CultureInfo.InvariantCulture);
    }

    /// <summary>Child side: prints "PEAK bytes".</summary>
    public static int Run(string operation, string[] files)
    {
        var options = Options.Create(new ImagingOptions());
        var budget = new PixelBudget(options);
        var intake = new ImageIntake(options, budget);
        var packager = new ResultPackager(options, new ContactSheet(options, budget), budget);
        var inputs = files.Select(f => (ReadOnlyMemory<byte>)File.ReadAllBytes(f)).ToList();
        var tinyJpeg = BenchmarkImages.Photo(64, 48, SKEncodedImageFormat.Jpeg, 90, 9);
        var tinyPng = BenchmarkImages.Photo(64, 48, SKEncodedImageFormat.Png, 0, 9);
        Action warmUp, measured;
        switch (operation)
        {
            case "package":
                warmUp = () => packager.PackageAsync([tinyPng, tinyPng], tinyPng.Length - 1).GetAwaiter().GetResult();
                measured = () => packager.PackageAsync(inputs, PackageLimit).GetAwaiter().GetResult();
                break;
            default:
                warmUp = () => intake.PrepareAsync(tinyJpeg).GetAwaiter().GetResult();
                measured = () => intake.PrepareAsync(inputs[0]).GetAwaiter().GetResult();
                break;
        }

        warmUp();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ProcessMemory.TryResetPeak();
        var baseline = ProcessMemory.ResidentBytes();
        measured();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PEAK {ProcessMemory.PeakResidentBytes() - baseline}"));
        return 0;
    }
}
