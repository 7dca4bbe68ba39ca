using EditBot.Gmi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Moderation.Discord;

/// <summary>
/// At start-up, reads the model's <c>price_info</c> from GMI and gives a per-image price to the cost estimator. Best
/// effort: when GMI is unreachable or lists no per-image price, estimates use the reference price table.
/// </summary>
public sealed partial class ModelPriceLoader(
    IServiceProvider services, CostEstimator costs, IOptions<ModerationDiscordOptions> options, ILogger<ModelPriceLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.LoadModelPrice)
        {
            return;
        }

        try
        {
            // GmiClient is a typed HttpClient (transient): resolved for this one call, not held by this singleton.
            var client = services.GetRequiredService<GmiClient>();
            var model = await client.GetModelAsync(null, stoppingToken);
            var price = ToModelPrice(model.PriceInfo);
            if (price is { IsPerImage: true })
            {
                costs.UseModelPrice(price);
                LogPriceLoaded(logger, model.Id, price.Price, price.Unit);
            }
            else
            {
                LogNoPerImagePrice(logger, model.Id);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogPriceFailed(logger, error);
        }
    }

    public static ModelPrice? ToModelPrice(GmiPriceInfo? info) =>
        info is { Price: { } price } ? new ModelPrice(price, info.PricingType ?? "", info.Unit ?? "") : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Cost estimates use the model {Model}'s listed price: {Price} per {Unit}")]
    private static partial void LogPriceLoaded(ILogger logger, string model, decimal price, string unit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model} lists no per-image price; cost estimates use the reference table")]
    private static partial void LogNoPerImagePrice(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the model's price from GMI; cost estimates use the reference table")]
    private static partial void LogPriceFailed(ILogger logger, Exception error);
}
