namespace EditBot.Moderation.Discord;

/// <summary>Option names of /editbot-admin (lowercase, as Discord requires), shared by the definition and the parser.</summary>
public static class AdminOptions
{
    public const string Channel = "channel";
    public const string Role = "role";
    public const string ReviewerRole = "reviewer-role";
    public const string ExpiryHours = "expiry-hours";
    public const string Hours = "hours";
    public const string Pattern = "pattern";
    public const string Kind = "kind";
    public const string Edits = "edits";
    public const string Images = "images";
    public const string Dollars = "dollars";
    public const string Seconds = "seconds";
    public const string Count = "count";
    public const string Quality = "quality";
    public const string Size = "size";
    public const string Enabled = "enabled";
    public const string Confirm = "confirm";
    public const string User = "user";
    public const string Days = "days";
}
