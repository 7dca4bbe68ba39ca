using EditBot.CommandLine;
using EditBot.Composition;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Imaging.Intake;
using EditBot.Imaging.Masks;
using EditBot.Origin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EditBot.Verbs;

/// <summary>
/// <c>EditBot edit</c>: one job through the same engine, store and polling as the bot, for operators to try their
/// key without Discord. Exit 0 with the images written; any failure prints one clear line and exits non-zero.
/// </summary>
public static class EditVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(EditArguments.Usage);
            return 0;
        }

        var (options, settings) = SplitSettings(args);
        var parsed = EditArguments.TryParse(options, out var error);
        if (parsed is null)
        {
            await Console.Error.WriteLineAsync($"edit: {error}\n{EditArguments.Usage}");
            return 2;
        }

        RegionSpec? region = null;
        if ((parsed.Region ?? parsed.Box) is not null && !RegionSpec.TryParse(parsed.Region, parsed.Box, 0, out region, out var regionError))
        {
            await Console.Error.WriteLineAsync($"edit: {regionError}");
            return 2;
        }

        using var host = EngineHost.Build(settings, [RequiredSetting.GmiApiKey], Serilog.Events.LogEventLevel.Warning);
        var intake = host.Services.GetRequiredService<ImageIntake>();
        var image = await File.ReadAllBytesAsync(parsed.ImagePath);
        var mask = parsed.MaskPath is null ? null : await File.ReadAllBytesAsync(parsed.MaskPath);

        var prepared = await intake.PrepareAsync(image, mask, region, parsed.Size);
        if (prepared is ImageRejection rejection)
        {
            await Console.Error.WriteLineAsync($"edit: {rejection.Message}");
            return 1;
        }

        var ready = (PreparedEdit)prepared;
        foreach (var note in ready.Notes)
        {
            Console.WriteLine($"note: {note}");
        }

        await host.StartAsync();
        try
        {
            return await RunJobAsync(host, parsed, ready);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<int> RunJobAsync(IHost host, EditArguments args, PreparedEdit ready)
    {
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        var jobs = host.Services.GetRequiredService<JobService>();
        var watcher = host.Services.GetRequiredService<CliJobWatcher>();
        var imageBlob = await blobs.PutAsync(ready.Image, ready.MediaType, CancellationToken.None);
        var maskBlob = ready.Mask is { } m ? await blobs.PutAsync(m, "image/png", CancellationToken.None) : null;
        var request = new EditRequest(args.Prompt, imageBlob, maskBlob, $"{ready.Size.Width}x{ready.Size.Height}", args.Quality, args.Count);
        var job = await jobs.EnqueueAsync(request, JobOrigins.ForCli(args.OutputDirectory), needsApproval: false, CancellationToken.None);
        Console.WriteLine($"job {job.Id}: {request.Size}, quality {request.Quality}, {request.Count} image(s)");
        var finishing = watcher.WhenFinished(job.Id);
        // The job may have finished before the watcher was listening.
        var current = await jobs.GetAsync(job.Id, CancellationToken.None);
        var finished = current is { IsTerminal: true } ? current : await finishing;
        if (finished.State == JobState.Done)
        {
            var folder = JobOrigins.OutputDirectory(finished.Origin);
            for (var i = 0; i < finished.ResultBlobs.Count; i++)
            {
                var blob = await blobs.GetAsync(finished.ResultBlobs[i], CancellationToken.None);
                Console.WriteLine(Path.Combine(folder, CliJobDelivery.FileName(finished.Id, i, blob?.MediaType ?? "image/png")));
            }

            return 0;
        }

        await Console.Error.WriteLineAsync($"edit failed: {finished.Failure?.Message ?? finished.State.ToString()}");
        return 1;
    }

    /// <summary>Separates the verb's options from --Key=value settings overrides.</summary>
    private static (string[] Options, string[] Settings) SplitSettings(string[] args)
    {
        var settings = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        return (args.Except(settings).ToArray(), settings);
    }
}
