namespace EditBot.Moderation;

/// <summary>
/// The model's listed price (GMI's <c>price_info{price, pricing_type, unit}</c>), filled in by the host from the GMI
/// client. Only a per-image price can be used for an estimate; anything else falls back to the reference table.
/// </summary>
public sealed record ModelPrice(decimal Price, string PricingType, string Unit)
{
    public bool IsPerImage =>
        Price >= 0
        && (PricingType.Contains("image", StringComparison.OrdinalIgnoreCase) || Unit.Contains("image", StringComparison.OrdinalIgnoreCase));
}
