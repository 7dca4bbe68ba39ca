using EditBot.Core.Polling;

namespace EditBot.Core.Tests;

public sealed class DurationEstimateTests
{
    /// <summary>
    /// Durations of median 25 s and log-spread 0.5, each known only between two polls: the first at 15 s (so the
    /// first window is (0, 15 s], which holds 15 % of the jobs), then every 4 s.
    /// </summary>
    [Fact]
    public void Durations_known_only_between_two_polls_are_learned_with_their_true_spread()
    {
        var windows = new DurationEstimate(TimeSpan.FromSeconds(30), 0.6, 4);
        var middles = new DurationEstimate(TimeSpan.FromSeconds(30), 0.6, 4);
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var duration = 25 * Math.Exp(0.5 * z);
            var by = duration <= 15 ? 15 : 15 + (4 * Math.Ceiling((duration - 15) / 4));
            var after = by == 15 ? 0 : by - 4;
            windows.Observe(TimeSpan.FromSeconds(after), TimeSpan.FromSeconds(by));
            middles.Observe(TimeSpan.FromSeconds((after + by) / 2));
        }

        var (mu, sigma) = windows.Snapshot();
        var (middleMu, middleSigma) = middles.Snapshot();
        Assert.InRange(Math.Exp(mu), 24.5, 25.5);
        Assert.InRange(sigma, 0.48, 0.52);
        // What the windows' middles made of the same jobs: too wide, and too short.
        Assert.True(middleSigma > 0.55, $"spread from the middles {middleSigma:0.000}");
        Assert.True(Math.Exp(middleMu) < 24.5, $"median from the middles {Math.Exp(middleMu):0.0}");
    }

    [Fact]
    public void A_window_the_estimate_finds_unlikely_is_learned_at_its_middle()
    {
        var estimate = new DurationEstimate(TimeSpan.FromSeconds(10), 0.1, 4);

        estimate.Observe(TimeSpan.FromSeconds(3000), TimeSpan.FromSeconds(3010));

        Assert.Equal(1, estimate.Observations);
        Assert.True(double.IsFinite(estimate.Snapshot().Mu));
        Assert.InRange(estimate.Snapshot().Mu, Math.Log(10), Math.Log(3005));
    }
}
