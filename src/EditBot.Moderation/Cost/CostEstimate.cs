using System.Globalization;

namespace EditBot.Moderation;

/// <summary>An estimated cost: the price of one output image times the count, and what the price was based on.</summary>
public sealed record CostEstimate(decimal PerImageUsd, int Count, QualityLevel PricedQuality, bool Square, CostSource Source, bool AutoPricedAsHigh)
{
    public decimal TotalUsd => PerImageUsd * Count;

    /// <summary>"$0.42 (2 × $0.211, high, square)", saying when auto quality was priced as high.</summary>
    public string Describe()
    {
        var basis = Source == CostSource.ModelPriceInfo
            ? "the model's per-image price"
            : $"{ImageChoices.Name(PricedQuality)}, {(Square ? "square" : "portrait/landscape")}";
        var auto = AutoPricedAsHigh ? "; auto quality is priced as high" : "";
        var each = PerImageUsd.ToString("0.00##", CultureInfo.InvariantCulture);
        return $"{Money.Format(TotalUsd)} ({Count} × ${each}, {basis}{auto})";
    }
}
