using EditBot.Bot.Intake;

namespace EditBot.Verbs;

/// <summary>The options of the <c>edit</c> verb, parsed with one clear message per mistake.</summary>
public sealed record EditArguments(
    string ImagePath,
    string Prompt,
    string? MaskPath,
    string? Region,
    string? Box,
    string Size,
    string Quality,
    int Count,
    string OutputDirectory)
{
    public static readonly string[] Sizes = EditInputRules.Sizes;
    public static readonly string[] Qualities = EditInputRules.Qualities;
    public static readonly string[] Regions = ["full", "top", "bottom", "left", "right", "center"];

    /// <summary>Built from the lists the parser checks against, so the two cannot disagree.</summary>
    public static readonly string Usage =
        $"usage: EditBot edit --image in.png --prompt \"...\" [--mask m.png | --region {string.Join('|', Regions)} | --box x,y,w,h]\n" +
        $"                    [--size {string.Join('|', Sizes)}] [--quality {string.Join('|', Qualities)}] [--count 1-{EditInputRules.MaxCount}] --out DIR";
    private static readonly string[] Known = ["image", "prompt", "mask", "region", "box", "size", "quality", "count", "out"];
    private static readonly string[] Required = ["image", "prompt", "out"];
    private static readonly string[] Shapes = ["mask", "region", "box"];

    /// <summary>Parses <paramref name="args"/> (the words after the verb); on failure <paramref name="error"/> says what to fix.</summary>
    public static EditArguments? TryParse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"unexpected '{name}': every option is --name value";
                return null;
            }

            values[name[2..]] = args[++i];
        }

        error = Validate(values);
        if (error is not null)
        {
            return null;
        }

        return new EditArguments(
            values["image"],
            values["prompt"],
            values.GetValueOrDefault("mask"),
            values.GetValueOrDefault("region"),
            values.GetValueOrDefault("box"),
            values.GetValueOrDefault("size", "auto"),
            values.GetValueOrDefault("quality", "medium"),
            int.Parse(values.GetValueOrDefault("count", "1"), System.Globalization.CultureInfo.InvariantCulture),
            values["out"]);
    }

    private static string? Validate(Dictionary<string, string> values)
    {
        var unknown = values.Keys.FirstOrDefault(k => !Known.Contains(k));
        if (unknown is not null)
        {
            return $"unknown option --{unknown}";
        }

        foreach (var required in Required)
        {
            if (!values.TryGetValue(required, out var v) || string.IsNullOrWhiteSpace(v))
            {
                return $"--{required} is required";
            }
        }

        if (!File.Exists(values["image"]))
        {
            return $"the image file '{values["image"]}' does not exist";
        }

        if (values.TryGetValue("mask", out var mask) && !File.Exists(mask))
        {
            return $"the mask file '{mask}' does not exist";
        }

        var shapes = Shapes.Count(values.ContainsKey);
        if (shapes > 1)
        {
            return "give at most one of --mask, --region and --box";
        }

        return CheckChoice(values, "size", Sizes)
            ?? CheckChoice(values, "quality", Qualities)
            ?? CheckChoice(values, "region", Regions)
            ?? CheckCount(values);
    }

    private static string? CheckChoice(Dictionary<string, string> values, string name, string[] allowed) =>
        values.TryGetValue(name, out var v) && !allowed.Contains(v, StringComparer.Ordinal)
            ? $"--{name} must be one of {string.Join(", ", allowed)} (got '{v}')"
            : null;

    private static string? CheckCount(Dictionary<string, string> values) =>
        values.TryGetValue("count", out var v)
        && (!int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > 10)
            ? $"--count must be a whole number from 1 to 10 (got '{v}')"
            : null;
}
