using EditBot.Imaging.Decoding;
using Microsoft.Extensions.Options;

namespace EditBot.Imaging.Packaging;

/// <summary>
/// Prepares the model's results for Discord: files over the channel's per-file limit are re-encoded (and the
/// message says so), a contact sheet leads when there are several results, and everything is grouped into as
/// few messages as Discord's 10-file / 25 MiB rules allow. Every decode takes its pixels from the <see cref="PixelBudget"/>.
/// </summary>
public sealed class ResultPackager(IOptions<ImagingOptions> options, ContactSheet contactSheet, PixelBudget budget)
{
    private readonly ImagingOptions _options = options.Value;

    /// <param name="results">The result files in the model's order (PNG, JPEG or WebP).</param>
    /// <param name="perFileLimit">The interaction's <c>attachment_size_limit</c>; null for the configured default.</param>
    /// <param name="baseName">File name stem: "edit" gives edit-1.png, edit-2.png, edit-sheet.jpg.</param>
    /// <param name="cancellationToken">Ends a wait for the <see cref="PixelBudget"/> before a decode.</param>
    public async Task<IReadOnlyList<PackagedMessage>> PackageAsync(IReadOnlyList<ReadOnlyMemory<byte>> results, long? perFileLimit = null,
        string baseName = "edit", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var limit = Math.Min(perFileLimit ?? _options.DefaultAttachmentSizeLimit, _options.MaxBytesPerMessage);
        var files = new List<(int Order, PackagedFile File, string? Note)>();
        var leftOut = new List<string>();
        if (results.Count > 1)
        {
            var sheet = await contactSheet.RenderAsync(results, cancellationToken);
            if (sheet.Length <= limit)
            {
                files.Add((0, new PackagedFile($"{baseName}-sheet.jpg", "image/jpeg", sheet, false),
                    $"{baseName}-sheet.jpg shows all {results.Count} results, left to right, top to bottom."));
            }
        }

        for (var i = 0; i < results.Count; i++)
        {
            var (file, note) = await PackageOneAsync(results[i], $"{baseName}-{i + 1}", limit, cancellationToken);
            if (file is null)
            {
                leftOut.Add(note!);
            }
            else
            {
                files.Add((i + 1, file, note));
            }
        }

        return Group(files, leftOut);
    }

    private async Task<(PackagedFile? File, string? Note)> PackageOneAsync(ReadOnlyMemory<byte> result, string stem, long limit,
        CancellationToken cancellationToken)
    {
        var (mediaType, extension) = FormatSniffer.Label(FormatSniffer.Sniff(result.Span));
        var name = $"{stem}.{extension}";
        if (result.Length <= limit)
        {
            return (new PackagedFile(name, mediaType, result, false), null);
        }

        var fitted = await Reencoder.FitAsync(result, limit, _options, budget, cancellationToken);
        if (fitted is null)
        {
            return (null, $"{name} ({Units.Megabytes(result.Length)}) is over this channel's {Units.Megabytes(limit)} upload limit and could not be made smaller, so it was left out.");
        }

        var newName = $"{stem}.{fitted.Extension}";
        return (new PackagedFile(newName, fitted.MediaType, fitted.Content, true),
            $"{name} was {Units.Megabytes(result.Length)}, over this channel's {Units.Megabytes(limit)} upload limit: sent as {fitted.Description} ({newName}, {Units.Megabytes(fitted.Content.Length)}).");
    }

    // First-fit decreasing: few messages; files then keep their order inside each message and across messages.
    private List<PackagedMessage> Group(List<(int Order, PackagedFile File, string? Note)> files, List<string> leftOut)
    {
        var bins = new List<List<(int Order, PackagedFile File, string? Note)>>();
        foreach (var file in files.OrderByDescending(f => f.File.Length))
        {
            var bin = bins.FirstOrDefault(b => b.Count < _options.MaxFilesPerMessage
                && b.Sum(f => f.File.Length) + file.File.Length <= _options.MaxBytesPerMessage);
            if (bin is null)
            {
                bin = [];
                bins.Add(bin);
            }

            bin.Add(file);
        }

        var messages = bins.Select(b => b.OrderBy(f => f.Order).ToList()).OrderBy(b => b[0].Order)
            .Select(b => new PackagedMessage(b.Select(f => f.File).ToList(), b.Where(f => f.Note is not null).Select(f => f.Note!).ToList()))
            .ToList();
        if (leftOut.Count > 0)
        {
            // Files that could not be sent are explained in the first message (or alone, if nothing else is left).
            var first = messages.FirstOrDefault() ?? new PackagedMessage([], []);
            messages.Remove(first);
            messages.Insert(0, first with { Notes = [.. leftOut, .. first.Notes] });
        }

        return messages;
    }
}
