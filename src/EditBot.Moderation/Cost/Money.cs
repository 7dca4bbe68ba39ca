using System.Globalization;

namespace EditBot.Moderation;

/// <summary>Dollar amounts as people read them: "$4.87"; amounts under a cent keep their digits ("$0.006").</summary>
public static class Money
{
    public static string Format(decimal usd) =>
        usd is > 0 and < 0.01m
            ? "$" + usd.ToString("0.00####", CultureInfo.InvariantCulture)
            : "$" + decimal.Round(usd, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
