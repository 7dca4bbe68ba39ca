namespace EditBot.Bot.Intake;

/// <summary>What a person asked for, as typed: checked by <see cref="EditInputRules"/>, prepared by <see cref="EditIntake"/>.</summary>
public sealed record EditInput
{
    public required ImageSource Image { get; init; }

    public ImageSource? Mask { get; init; }

    public required string Prompt { get; init; }

    public string? Region { get; init; }

    public string? Box { get; init; }

    public string? Size { get; init; }

    public string? Quality { get; init; }

    public int Count { get; init; } = 1;
}
