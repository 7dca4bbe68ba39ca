namespace EditBot.Moderation;

/// <summary>One UTC day of a <see cref="UsageReport"/>: what was spent that day (as the daily limits count it).</summary>
public sealed record UsageDay(DateOnly Date, UsageTotals Totals);
