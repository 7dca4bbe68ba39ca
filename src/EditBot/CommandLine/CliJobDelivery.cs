using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Origin;

namespace EditBot.CommandLine;

/// <summary>
/// Writes a CLI job's results into its output folder as edit-{job}-{n}.{ext}. Writing the same names again after
/// a crash overwrites them, so a repeated delivery leaves the same files.
/// </summary>
public sealed class CliJobDelivery : IJobDelivery
{
    public string Kind => JobOrigins.CliKind;

    public async Task DeliverAsync(Job job, IReadOnlyList<Blob> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(results);
        var folder = JobOrigins.OutputDirectory(job.Origin);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < results.Count; i++)
        {
            var path = Path.Combine(folder, FileName(job.Id, i, results[i].MediaType));
            var temp = path + ".part";
            await File.WriteAllBytesAsync(temp, results[i].Content, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
    }

    public static string FileName(Guid jobId, int index, string mediaType) =>
        $"edit-{jobId.ToString("N")[..8]}-{index + 1}.{Extension(mediaType)}";

    private static string Extension(string mediaType) => mediaType switch
    {
        "image/jpeg" => "jpg",
        "image/webp" => "webp",
        _ => "png",
    };
}
