using System.ComponentModel.DataAnnotations;

namespace EditBot.Imaging;

/// <summary>Limits and encoder settings for intake and result packaging (configuration section "Imaging").</summary>
public sealed class ImagingOptions
{
    public const string SectionName = "Imaging";

    /// <summary>Largest input, in pixels (width x height), that is decoded at all. Checked from the header.</summary>
    [Range(1d, 1e9)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>
    /// Pixels being decoded at once across the process (intake and result re-encoding); decodes beyond it wait their
    /// turn, so a flood of large images queues instead of exhausting memory. At least <see cref="MaxPixels"/>.
    /// </summary>
    [Range(1d, 2e12)]
    public long MaxConcurrentPixels { get; set; } = 120_000_000;

    /// <summary>Largest input file in bytes; the model accepts files under 50 MB.</summary>
    [Range(1d, 1e10)]
    public long MaxBytes { get; set; } = 50_000_000;

    /// <summary>Inputs whose long side exceeds this are downscaled before they are sent.</summary>
    [Range(256, 16384)]
    public int MaxLongSide { get; set; } = 2048;

    /// <summary>A mask whose aspect ratio differs from the image's by at most this fraction is resized to fit.</summary>
    [Range(0d, 0.2d)]
    public double MaskAspectTolerance { get; set; } = 0.01;

    /// <summary>Grey levels at or above this (0-255) count as "edit" when a mask is thresholded.</summary>
    [Range(1, 255)]
    public int MaskThreshold { get; set; } = 128;

    /// <summary>zlib level for PNGs we encode: 0-9; lower is faster, the API does not care about a few MB.</summary>
    [Range(0, 9)]
    public int PngCompressionLevel { get; set; } = 3;

    /// <summary>Per-file limit used when the interaction does not say (Discord's default attachment_size_limit).</summary>
    [Range(1024d, 1e10)]
    public long DefaultAttachmentSizeLimit { get; set; } = 10 * 1024 * 1024;

    /// <summary>Discord allows 10 files per message.</summary>
    [Range(1, 10)]
    public int MaxFilesPerMessage { get; set; } = 10;

    /// <summary>Discord allows 25 MiB of attachments per message.</summary>
    [Range(1024d, 1e10)]
    public long MaxBytesPerMessage { get; set; } = 25 * 1024 * 1024;

    /// <summary>Long side, in pixels, of each cell of the contact sheet.</summary>
    [Range(64, 2048)]
    public int ContactSheetCellSize { get; set; } = 512;
}
