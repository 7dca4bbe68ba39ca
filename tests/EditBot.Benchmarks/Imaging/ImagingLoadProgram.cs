using System.Diagnostics;
using System.Globalization;
using EditBot.Imaging;
using EditBot.Imaging.Decoding;
using EditBot.Imaging.Intake;
using EditBot.Imaging.Packaging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace EditBot.Benchmarks.Imaging;

/// <summary>
/// Intake and packaging measured in-process (SkiaSharp, one thread) and with the vips command line
/// (VIPS_CONCURRENCY=1) on the same files in the same run: images per CPU-second (per-core throughput) and
/// peak resident memory per image. Args: [iterations scale, default 1].
/// </summary>
public sealed class ImagingLoadProgram : ILoadProgram
{
    private const double MB = 1024 * 1024;

    public string Name => "imaging";

    public string Description => "intake (12 MP JPEG, pass-through) and result re-encoding: SkiaSharp in-process vs vips CLI";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length > 1 && args[0] == PeakMemoryProbe.Flag)
        {
            return Task.FromResult(PeakMemoryProbe.Run(args[1], args[2..]));
        }

        var scale = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        var dir = Directory.CreateTempSubdirectory("editbot-imaging-bench").FullName;
        try
        {
            Run(dir, scale);
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Run(string dir, int scale)
    {
        Console.WriteLine("Generating inputs (12 MP JPEG q90, 1536x1024 JPEG q90, four 1536x1024 PNG results stored with zlib level 0)...");
        var photo = BenchmarkImages.Photo(4000, 3000, SKEncodedImageFormat.Jpeg, 90, 1);
        var small = BenchmarkImages.Photo(1536, 1024, SKEncodedImageFormat.Jpeg, 90, 2);
        var results = Enumerable.Range(3, 4).Select(s => (ReadOnlyMemory<byte>)BenchmarkImages.Photo(1536, 1024, SKEncodedImageFormat.Png, 0, s)).ToList();
        var photoPath = Save(dir, "photo.jpg", photo);
        var smallPath = Save(dir, "small.jpg", small);
        var resultPaths = results.Select((r, i) => Save(dir, $"result{i}.png", r.ToArray())).ToList();

        var options = Options.Create(new ImagingOptions());
        var budget = new PixelBudget(options);
        var intake = new ImageIntake(options, budget);
        var sheet = new ContactSheet(options, budget);
        var packager = new ResultPackager(options, sheet, budget);
        var prepared = (PreparedEdit)intake.PrepareAsync(photo).GetAwaiter().GetResult();
        var rows = new List<string>();
        var vips = VipsRunner.IsAvailable();

        const long photoDecoded = 4000L * 3000 * 4;
        const long resultDecoded = 1536L * 1024 * 4;
        rows.Add(InProcess("prepare 12 MP JPEG → PNG", 1, photoDecoded, 8 * scale, () => intake.PrepareAsync(photo).GetAwaiter().GetResult(), "prepare", [photoPath]));
        if (vips)
        {
            var target = Math.Max(prepared.Width, prepared.Height).ToString(CultureInfo.InvariantCulture);
            rows.Add(Vips("prepare 12 MP JPEG → PNG", "vips thumbnail (same size, png compression=3 filter=sub)", 1, photoDecoded, 8 * scale,
                "vips", ["thumbnail", photoPath, Path.Combine(dir, "out.png[compression=3,filter=sub]"), target]));
        }

        rows.Add(InProcess("pass-through 1536x1024 JPEG", 1, resultDecoded, 400 * scale, () => intake.PrepareAsync(small).GetAwaiter().GetResult(), "prepare", [smallPath]));
        if (vips)
        {
            rows.Add(Vips("pass-through 1536x1024 JPEG", "vipsheader (header only)", 1, resultDecoded, 20 * scale, "vipsheader", [smallPath]));
            rows.Add(Vips("pass-through 1536x1024 JPEG", "vips copy → JPEG (no fast path)", 1, resultDecoded, 20 * scale, "vips", ["copy", smallPath, Path.Combine(dir, "copy.jpg")]));
        }

        rows.Add(InProcess("re-encode 4 results (lossless WebP) + contact sheet", 4, resultDecoded, 2 * scale,
            () => packager.PackageAsync(results, PeakMemoryProbe.PackageLimit).GetAwaiter().GetResult(), "package", resultPaths));
        foreach (var note in packager.PackageAsync(results, PeakMemoryProbe.PackageLimit).GetAwaiter().GetResult().SelectMany(m => m.Notes))
        {
            Console.WriteLine($"packaging note: {note}");
        }

        rows.Add(InProcess("re-encode 1 result (lossless WebP)", 1, resultDecoded, 4 * scale,
            () => packager.PackageAsync(results.Take(1).ToList(), PeakMemoryProbe.PackageLimit).GetAwaiter().GetResult(), "package", resultPaths.Take(1).ToList()));
        rows.Add(InProcess("contact sheet of 4 results alone", 4, resultDecoded, 4 * scale, () => sheet.RenderAsync(results).GetAwaiter().GetResult(), null, []));
        if (vips)
        {
            rows.Add(VipsBatch("re-encode 4 results (lossless WebP)", "vips webpsave --lossless (effort 4), ×4", resultDecoded, 2 * scale,
                resultPaths.Select(p => (IReadOnlyList<string>)["webpsave", p, p + ".webp", "--lossless"]).ToList()));
            rows.Add(VipsBatch("re-encode 4 results (lossless WebP)", "vips webpsave --lossless --effort 0 --Q 50 (Skia's settings), ×4", resultDecoded, 2 * scale,
                resultPaths.Select(p => (IReadOnlyList<string>)["webpsave", p, p + ".webp", "--lossless", "--effort", "0", "--Q", "50"]).ToList()));
            Console.WriteLine($"lossless WebP sizes: vips {new FileInfo(resultPaths[0] + ".webp").Length / MB:0.00} MB (last run), SkiaSharp see notes above");
            Console.WriteLine($"vips process baseline (vips --version): peak RSS {Baseline.Value / MB:0.0} MB, subtracted from the vips rows.");
        }
        else
        {
            Console.WriteLine("vips or /usr/bin/time not found: install libvips-tools for the side-by-side rows.");
        }

        Console.WriteLine();
        Console.WriteLine("| operation | engine | images per CPU-second | wall ms per image | peak RSS above baseline | × decoded size |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
    }

    private static string InProcess(string operation, int imagesPerCall, long decodedBytes, int iterations, Action action,
        string? peakOperation, IReadOnlyList<string> files)
    {
        action(); // warm-up: JIT, Skia's first-use initialisation
        var peak = peakOperation is null ? null : PeakMemoryProbe.Measure(peakOperation, files);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var images = iterations * imagesPerCall;
        return Row(operation, "SkiaSharp in-process", images / cpu, wall.Elapsed.TotalMilliseconds / images, peak, decodedBytes);
    }

    // A vips process that does nothing (vips --version): subtracted so vips rows, like ours, count only the operation.
    private static readonly Lazy<long> Baseline = new(() => VipsRunner.Run("vips", ["--version"])?.PeakBytes ?? 0);

    private static string Vips(string operation, string engine, int imagesPerCall, long decodedBytes, int iterations, string program, IReadOnlyList<string> arguments) =>
        VipsBatch(operation, engine, decodedBytes, iterations, [arguments], program, imagesPerCall);

    private static string VipsBatch(string operation, string engine, long decodedBytes, int iterations,
        List<IReadOnlyList<string>> commands, string program = "vips", int imagesPerCommand = 1)
    {
        double cpu = 0, wall = 0;
        long peak = 0;
        for (var i = 0; i < iterations; i++)
        {
            foreach (var command in commands)
            {
                var m = VipsRunner.Run(program, command) ?? throw new InvalidOperationException($"{program} failed");
                cpu += m.CpuSeconds;
                wall += m.WallSeconds;
                peak = Math.Max(peak, m.PeakBytes - Baseline.Value);
            }
        }

        var images = iterations * commands.Count * imagesPerCommand;
        return Row(operation, engine, images / Math.Max(cpu, 0.001), wall * 1000 / images, peak, decodedBytes);
    }

    private static string Row(string operation, string engine, double perCpuSecond, double wallMs, long? peak, long decodedBytes) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {operation} | {engine} | {perCpuSecond:0.0} | {wallMs:0.0} | {(peak is { } p ? $"{p / MB:0.0} MB" : "n/a")} | {(peak is { } q ? $"{(double)q / decodedBytes:0.00}" : "n/a")} |");

    private static string Save(string dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
