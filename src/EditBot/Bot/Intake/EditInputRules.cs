using EditBot.Imaging.Intake;
using EditBot.Imaging.Masks;

namespace EditBot.Bot.Intake;

/// <summary>The checks that need no download: done before deferring, so a typo is answered at once.</summary>
public static class EditInputRules
{
    public static readonly string[] Qualities = ["low", "medium", "high", "auto"];

    /// <summary>The sizes a request may name: auto, then the model's sizes.</summary>
    public static readonly string[] Sizes = ["auto", .. OutputSize.All.Select(s => s.ToString())];
    public const int MaxCount = 10;

    /// <returns>A message saying what to fix, or null when the input is fine.</returns>
    public static string? Check(EditInput input, int maxPromptLength)
    {
        ArgumentNullException.ThrowIfNull(input);
        var prompt = input.Prompt.Trim();
        if (prompt.Length == 0)
        {
            return "Tell me what to change: the prompt is empty. For example: `make the sky a stormy sunset`.";
        }

        if (prompt.Length > maxPromptLength)
        {
            return $"Your prompt is {prompt.Length} characters long; the limit is {maxPromptLength}. Shorten it and try again.";
        }

        if (input.Count is < 1 or > MaxCount)
        {
            return $"count must be between 1 and {MaxCount}.";
        }

        if (input.Quality is { } quality && !Qualities.Contains(quality.Trim().ToLowerInvariant()))
        {
            return "quality must be low, medium, high or auto.";
        }

        if (!OutputSize.IsAuto(input.Size) && !OutputSize.TryParse(input.Size, out _))
        {
            return $"size must be {OutputSize.Choices}.";
        }

        return TryRegion(input, out _, out var error) ? null : error;
    }

    /// <summary>The region to edit, from the region preset or the box; null region means "no region given".</summary>
    public static bool TryRegion(EditInput input, out RegionSpec? region, out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        region = null;
        error = null;
        if (string.IsNullOrWhiteSpace(input.Region) && string.IsNullOrWhiteSpace(input.Box))
        {
            return true;
        }

        if (RegionSpec.TryParse(input.Region, input.Box, 0, out var parsed, out var problem))
        {
            region = parsed;
            return true;
        }

        error = problem;
        return false;
    }
}
