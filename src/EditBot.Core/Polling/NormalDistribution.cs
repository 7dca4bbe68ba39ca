namespace EditBot.Core.Polling;

/// <summary>The few standard-normal functions the polling model, its benchmarks and its tests need (.NET has no erf).</summary>
public static class NormalDistribution
{
    private const double InverseSqrtTwoPi = 0.3989422804014327;

    public static double Density(double z) => InverseSqrtTwoPi * Math.Exp(-0.5 * z * z);

    /// <summary>P(Z ≤ z).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>P(Z &gt; z), via the complementary error function.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>
    /// density / upper tail (the inverse Mills ratio), stable far into the tail where both underflow:
    /// there it tends to z + 1/z.
    /// </summary>
    public static double HazardOfStandardNormal(double z)
    {
        if (z > 6)
        {
            return z + (1 / z);
        }

        return Density(z) / UpperTail(z);
    }

    /// <summary>Numerical Recipes' erfc (Chebyshev fit), relative error below 1.2e-7 everywhere.</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var result = t * Math.Exp(poly);
        return x >= 0 ? result : 2 - result;
    }
}
