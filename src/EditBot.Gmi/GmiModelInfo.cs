using System.Text.Json;

namespace EditBot.Gmi;

/// <summary>GET /models/{id}. Parameters are kept as raw JSON because their schema is not documented.</summary>
public sealed record GmiModelInfo(string Id, GmiPriceInfo? PriceInfo, IReadOnlyList<JsonElement> Parameters);

/// <summary>price_info{price, pricing_type, unit}.</summary>
public sealed record GmiPriceInfo(decimal? Price, string? PricingType, string? Unit);
