namespace EditBot.TestSupport.Discord.Contract;

/// <summary>
/// One way a request body breaks the contract: where (path segments: property names, and <c>[n]</c> for array
/// items), Discord's error code for it and a readable message. Kept structured so the fake can answer 50035 with
/// Discord's nested <c>errors</c> object.
/// </summary>
public sealed record ContractError(IReadOnlyList<string> Path, string Code, string Message)
{
    /// <summary>The path as <c>$.embeds[0].title</c>.</summary>
    public string At => Render(Path);

    /// <summary>True when the value at the path is not of the expected type (its own type is wrong, not a detail inside it).</summary>
    public bool IsTypeMismatch { get; init; }

    public static string Render(IEnumerable<string> path) =>
        "$" + string.Concat(path.Select(s => s.StartsWith('[') ? s : "." + s));

    public override string ToString() => $"{At}: {Message}";
}
