namespace EditBot.Imaging.Charts;

/// <summary>One UTC day of a usage chart: edits asked for and their estimated cost.</summary>
public sealed record UsageChartDay(DateOnly Date, int Edits, decimal SpendUsd);

/// <summary>One of the top members: a label to show (a name or an id) and their edits over the period.</summary>
public sealed record UsageChartMember(string Label, int Edits);
