namespace EditBot.Gmi.Wire;

internal sealed class PriceInfoDto
{
    public decimal? Price { get; set; }

    public string? PricingType { get; set; }

    public string? Unit { get; set; }
}
