using EditBot.Core.Jobs;
using EditBot.Moderation;

namespace EditBot.Tests.Moderation;

public sealed class CostEstimatorTests
{
    [Theory]
    [InlineData("low", "1024x1024", 1, "0.006")]
    [InlineData("low", "1024x1536", 1, "0.005")]
    [InlineData("medium", "1024x1024", 1, "0.053")]
    [InlineData("medium", "1536x1024", 1, "0.041")]
    [InlineData("high", "1024x1024", 1, "0.211")]
    [InlineData("high", "1024x1536", 1, "0.165")]
    [InlineData("HIGH", "1024x1024", 3, "0.633")]
    [InlineData("medium", "1024x1536", 10, "0.410")]
    public void Reference_table_prices_by_quality_size_and_count(string quality, string size, int count, string expected)
    {
        var estimate = new CostEstimator().Estimate(quality, size, count);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), estimate.TotalUsd);
        Assert.Equal(CostSource.ReferenceTable, estimate.Source);
    }

    [Fact]
    public void Auto_quality_is_priced_as_high_and_says_so()
    {
        var estimate = new CostEstimator().Estimate("auto", "1024x1024", 2);

        Assert.Equal(0.422m, estimate.TotalUsd);
        Assert.True(estimate.AutoPricedAsHigh);
        Assert.Equal("$0.42 (2 × $0.211, high, square; auto quality is priced as high)", estimate.Describe());
    }

    [Fact]
    public void Unknown_sizes_are_priced_as_square_and_unknown_quality_as_high()
    {
        Assert.Equal(0.211m, new CostEstimator().Estimate("ultra", "auto", 1).TotalUsd);
    }

    [Fact]
    public void A_per_image_model_price_overrides_the_table_for_every_quality_and_size()
    {
        var estimator = new CostEstimator();
        estimator.UseModelPrice(new ModelPrice(0.04m, "per_image", "image"));

        Assert.Equal(0.12m, estimator.Estimate("low", "1024x1536", 3).TotalUsd);
        Assert.Equal(0.04m, estimator.Estimate("high", "1024x1024", 1).TotalUsd);
        Assert.Equal("$0.12 (3 × $0.04, the model's per-image price)", estimator.Estimate("medium", "1024x1024", 3).Describe());
    }

    [Fact]
    public void A_model_price_that_is_not_per_image_falls_back_to_the_table()
    {
        var estimator = new CostEstimator();
        estimator.UseModelPrice(new ModelPrice(0.002m, "per_token", "1k tokens"));

        var estimate = estimator.Estimate("medium", "1024x1024", 1);

        Assert.Equal(0.053m, estimate.TotalUsd);
        Assert.Equal(CostSource.ReferenceTable, estimate.Source);
    }

    [Fact]
    public void A_job_is_priced_from_its_request()
    {
        var request = new EditRequest("p", "img", null, "1536x1024", "low", 4);

        Assert.Equal(0.020m, new CostEstimator().Estimate(request).TotalUsd);
    }

    [Theory]
    [InlineData("4.87", "$4.87")]
    [InlineData("5", "$5.00")]
    [InlineData("0.211", "$0.21")]
    [InlineData("0.006", "$0.006")]
    [InlineData("0", "$0.00")]
    public void Money_is_shown_in_dollars_and_cents(string amount, string expected)
    {
        Assert.Equal(expected, Money.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
