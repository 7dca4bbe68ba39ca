using EditBot.Core.Jobs;

namespace EditBot.Moderation;

/// <summary>
/// Estimates what an edit costs. The model's own per-image price wins when the host has provided one
/// (<see cref="UseModelPrice"/>); otherwise the reference table prices by quality and size shape. Auto quality
/// and unknown text are priced as high, and sizes that are not clearly portrait or landscape as square (the dearer),
/// so a budget is never under-estimated. Thread-safe.
/// </summary>
public sealed class CostEstimator
{
    private ModelPrice? modelPrice;

    public ModelPrice? ModelPrice => Volatile.Read(ref modelPrice);

    /// <summary>Sets (or with null clears) the price read from the model's <c>price_info</c>.</summary>
    public void UseModelPrice(ModelPrice? price) => Volatile.Write(ref modelPrice, price);

    public CostEstimate Estimate(EditRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Estimate(request.Quality, request.Size, request.Count);
    }

    public CostEstimate Estimate(string? quality, string? size, int count)
    {
        var pricedAs = ImageChoices.PricedAs(quality);
        var autoAsHigh = ImageChoices.TryParseQuality(quality, out var parsed) && parsed == QualityLevel.Auto;
        var square = !IsOblong(size);
        var count0 = Math.Max(count, 0);
        var listed = ModelPrice;
        return listed is { IsPerImage: true }
            ? new CostEstimate(listed.Price, count0, pricedAs, square, CostSource.ModelPriceInfo, false)
            : new CostEstimate(ReferencePrice(pricedAs, square), count0, pricedAs, square, CostSource.ReferenceTable, autoAsHigh);
    }

    /// <summary>OpenAI's list price per output image of gpt-image-2 (square / portrait-or-landscape).</summary>
    public static decimal ReferencePrice(QualityLevel quality, bool square) => quality switch
    {
        QualityLevel.Low => square ? 0.006m : 0.005m,
        QualityLevel.Medium => square ? 0.053m : 0.041m,
        _ => square ? 0.211m : 0.165m,
    };

    private static bool IsOblong(string? size)
    {
        var parts = size?.Split('x', 'X');
        return parts is { Length: 2 }
            && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0 && width != height;
    }
}
