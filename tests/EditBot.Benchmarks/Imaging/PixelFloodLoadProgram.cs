using System.Diagnostics;
using System.Globalization;
using EditBot.Imaging;
using EditBot.Imaging.Decoding;
using EditBot.Imaging.Intake;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace EditBot.Benchmarks.Imaging;

/// <summary>
/// <c>load pixel-flood [images] [side]</c>: a flood of large PNGs (default 24 of 6000x6000, 36 MP each, under the
/// 40 MP MaxPixels) prepared all at once, with pixel budgets of one image (40 MP), the default (120 MP) and none. Each
/// budget runs in a fresh child process, which reports how far its resident high-water mark rose above the warmed-up
/// baseline, the largest managed heap it saw, and the wall and CPU time of the flood. The thread pool starts with one
/// thread per image, as a many-core host or a long flood would have, so nothing but the budget holds decodes back.
/// </summary>
public sealed class PixelFloodLoadProgram : ILoadProgram
{
    private const string ChildFlag = "--child";
    private const string ResultPrefix = "FLOOD ";
    private const double MB = 1024 * 1024;

    public string Name => "pixel-flood";

    public string Description => "24 large PNGs prepared at once: peak memory with the default pixel budget, one image's and none";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length > 0 && args[0] == ChildFlag)
        {
            return await RunChildAsync(long.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        }

        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 24;
        var side = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6000;
        var dir = Directory.CreateTempSubdirectory("editbot-pixel-flood").FullName;
        try
        {
            var png = BenchmarkImages.Photo(side, side, SKEncodedImageFormat.Png, 6, 1, noise: 3); // less grain: under MaxBytes
            var path = Path.Combine(dir, "large.png");
            await File.WriteAllBytesAsync(path, png, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{images} preparations of one {side}x{side} PNG ({side * (long)side / 1e6:0.0} MP, {png.Length / MB:0.0} MB, decoded {side * (long)side * 4 / MB:0} MB), all started at once"));
            Console.WriteLine();
            Console.WriteLine("| Imaging:MaxConcurrentPixels | decodes allowed at once | peak RSS above baseline | peak managed heap | wall s | CPU s |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (label, budget) in new[] { ("40 MP (= MaxPixels)", 40_000_000L), ("120 MP (default)", 120_000_000L), ("unlimited", 2_000_000_000_000L) })
            {
                var figures = ChildRun.Line(["load", Name, ChildFlag, budget.ToString(CultureInfo.InvariantCulture), images.ToString(CultureInfo.InvariantCulture), path], ResultPrefix)
                    ?? throw new InvalidOperationException($"the child for {label} reported nothing");
                var f = figures.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                var atOnce = Math.Min(images, Math.Max(1, budget / (side * (long)side)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {atOnce} | {f[0] / MB:0} MB | {f[1] / MB:0} MB | {f[2]:0.0} | {f[3]:0.0} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Child side: prints "FLOOD peak-rss-above-baseline peak-managed wall-seconds cpu-seconds".</summary>
    private static async Task<int> RunChildAsync(long budgetPixels, int images, string path)
    {
        var options = Options.Create(new ImagingOptions { MaxConcurrentPixels = budgetPixels });
        var intake = new ImageIntake(options, new PixelBudget(options));
        var input = await File.ReadAllBytesAsync(path); // one buffer for all: the figures are about decoding, not downloads
        ThreadPool.GetMinThreads(out _, out var io);
        ThreadPool.SetMinThreads(images + 2, io);
        var warmUp = BenchmarkImages.Photo(3000, 100, SKEncodedImageFormat.Png, 6, 2); // decoded and resized, like the flood
        Accepted(await intake.PrepareAsync(warmUp));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ProcessMemory.TryResetPeak();
        var baseline = ProcessMemory.ResidentBytes();

        using var sampler = new ManagedPeakSampler();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, images).Select(_ => Task.Run(() => intake.PrepareAsync(input))));
        wall.Stop();
        process.Refresh();
        var peakRss = ProcessMemory.PeakResidentBytes() - baseline;
        Array.ForEach(results, Accepted);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultPrefix}{peakRss} {sampler.Peak} {wall.Elapsed.TotalSeconds} {(process.TotalProcessorTime - cpuBefore).TotalSeconds}"));
        return 0;
    }

    private static void Accepted(IntakeResult result)
    {
        if (result is ImageRejection rejection)
        {
            throw new InvalidOperationException($"the flood's image was refused: {rejection.Message}");
        }
    }
}
