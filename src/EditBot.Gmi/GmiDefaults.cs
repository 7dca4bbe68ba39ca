namespace EditBot.Gmi;

/// <summary>The model's documented defaults, applied when a record omits a parameter.</summary>
internal static class GmiDefaults
{
    public const string Size = "1024x1024";
    public const string Quality = "medium";
}
