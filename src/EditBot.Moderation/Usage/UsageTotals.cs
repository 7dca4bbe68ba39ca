namespace EditBot.Moderation;

/// <summary>Edits (jobs), output images and estimated cost over a period.</summary>
public sealed record UsageTotals(int Edits, int Images, decimal CostUsd)
{
    public static UsageTotals Zero { get; } = new(0, 0, 0m);

    public UsageTotals Add(int images, decimal costUsd) => new(Edits + 1, Images + images, CostUsd + costUsd);

    public override string ToString() => $"{Edits} edit{(Edits == 1 ? "" : "s")}, {Images} image{(Images == 1 ? "" : "s")}, {Money.Format(CostUsd)}";
}
